import { deviceLabelOf, type DeviceKind } from '@kindred/contracts';

/** The browser and system families of a user agent; enough to recognise a device, no more. */
export function deviceKind(userAgent: string | undefined): DeviceKind {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return { browser, system };
}

/** A coarse label such as "Firefox on Android", as stored with sessions and sign-ins. */
export function deviceLabel(userAgent: string | undefined): string {
  return deviceLabelOf(deviceKind(userAgent));
}
