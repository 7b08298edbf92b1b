/** Just enough DER to take the public key out of an X.509 certificate, which WebCrypto cannot import. */

interface Element {
  tag: number;
  /** Offset of the first byte of the element (its tag). */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  end: number;
}

function readElement(der: Uint8Array, start: number): Element {
  const tag = der[start];
  let length = der[start + 1];
  let contentStart = start + 2;
  if (tag === undefined || length === undefined) {
    throw new TypeError('truncated DER');
  }
  if (length & 0x80) {
    const octets = length & 0x7f;
    length = 0;
    for (let index = 0; index < octets; index += 1) {
      length = length * 256 + (der[contentStart + index] ?? Number.NaN);
    }
    contentStart += octets;
  }
  const end = contentStart + length;
  if (!Number.isFinite(end) || end > der.length) {
    throw new TypeError('truncated DER');
  }
  return { tag, start, contentStart, end };
}

function children(der: Uint8Array, parent: Element): Element[] {
  const found: Element[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = readElement(der, offset);
    found.push(child);
    offset = child.end;
  }
  return found;
}

const SEQUENCE = 0x30;
const EXPLICIT_VERSION = 0xa0;

/**
 * The SubjectPublicKeyInfo of a certificate: Certificate → tbsCertificate →
 * [version], serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo.
 */
export function spkiFromCertificate(der: Uint8Array): Uint8Array<ArrayBuffer> {
  const certificate = readElement(der, 0);
  const tbs = children(der, certificate)[0];
  if (certificate.tag !== SEQUENCE || tbs?.tag !== SEQUENCE) {
    throw new TypeError('not an X.509 certificate');
  }
  const fields = children(der, tbs);
  const skip = fields[0]?.tag === EXPLICIT_VERSION ? 1 : 0;
  const spki = fields[skip + 5];
  if (spki?.tag !== SEQUENCE) {
    throw new TypeError('certificate has no public key');
  }
  return der.slice(spki.start, spki.end);
}
