import type { Response } from 'supertest';

export interface ParsedCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function setCookies(res: Response): ParsedCookie[] {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.map((raw) => {
    const [pair, ...attrs] = raw.split(';').map((p) => p.trim());
    const [name, ...value] = pair!.split('=');
    const attributes: Record<string, string | true> = {};
    for (const attr of attrs) {
      const [key, ...v] = attr.split('=');
      attributes[key!.toLowerCase()] = v.length ? v.join('=') : true;
    }
    return { name: name!, value: value.join('='), attributes };
  });
}

export function sessionCookie(res: Response): ParsedCookie | undefined {
  return setCookies(res).find((c) => c.name === 'kindred_session');
}
