import { describe, expect, it } from 'vitest';
import { BufferedResponse } from '../src/transport/buffered-response.js';

const bytes = () => new TextEncoder().encode('{"name":"张三"}');
const headers = () => new Headers({ 'Content-Type': 'application/json', 'Request-ID': 'R1' });

describe('BufferedResponse', () => {
  it('answers every body reader from the bytes, once', async () => {
    const response = new BufferedResponse(bytes(), { status: 200, headers: headers() });
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ name: '张三' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('keeps status and the given headers, and streams the body for stream readers', async () => {
    const response = BufferedResponse.of(
      new Response(null, { status: 201, headers: headers() }),
      bytes(),
    );
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('Request-ID')).toBe('R1');
    expect(await new Response(response.body).text()).toBe('{"name":"张三"}');
  });

  it('gives a clone its own headers and body', async () => {
    const response = new BufferedResponse(bytes(), { status: 200, headers: headers() });
    const copy = response.clone();
    copy.headers.set('Request-ID', 'R2');
    expect(response.headers.get('Request-ID')).toBe('R1');
    expect(await copy.text()).toBe(await response.text());
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('hands over the value it was made from without parsing, once', async () => {
    const value = { name: '张三' };
    const response = new BufferedResponse(bytes(), { status: 200, headers: headers() }, { value });
    const copy = response.clone();
    expect(await response.json()).toBe(value);
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toThrow(TypeError);
    expect(await copy.json()).toEqual(value); // a clone reads its own bytes
  });

  it('has no body stream when there are no bytes', () => {
    const response = new BufferedResponse(new Uint8Array(0), { status: 204, headers: headers() });
    expect(response.body).toBeNull();
  });
});
