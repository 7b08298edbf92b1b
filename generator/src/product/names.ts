/** `papay-insurance` → `PapayInsurance`: the prefix of a product's exported names. */
export function pascalCase(folder: string): string {
  return folder
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
