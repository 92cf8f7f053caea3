import { z } from 'zod';

/** Semantic versions only: electron-updater compares them to decide whether a feed offers an update. */
export const VersionSchema = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.4.2');

/** One downloadable file of a release, as electron-updater's feed lists it. */
export const ReleaseFileSchema = z.object({
  /** Absolute, so the files may live on any release server or CDN; https except on loopback (tests). */
  url: z.url().refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url), 'an https:// address'),
  /** SHA-512 of the file in base64, which electron-updater checks before it installs anything. */
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'the file\'s SHA-512 in base64 (88 characters)'),
  size: z.number().int().min(1),
}).strict();
export type ReleaseFile = z.infer<typeof ReleaseFileSchema>;

export interface Release {
  version: string;
  files: ReleaseFile[];
  releaseNotes: string | null;
  releaseDate: string;
}

/**
 * The `latest-linux.yml` electron-updater's generic provider reads: the release a kiosk should run.
 * Strings are written as JSON strings, which YAML reads as double-quoted scalars, so no value can
 * break out of its field.
 */
export function updateFeed(release: Release): string {
  const [first] = release.files;
  const lines = [
    `version: ${JSON.stringify(release.version)}`,
    'files:',
    ...release.files.flatMap((file) => [
      `  - url: ${JSON.stringify(file.url)}`,
      `    sha512: ${JSON.stringify(file.sha512)}`,
      `    size: ${file.size}`,
    ]),
    ...(first ? [`path: ${JSON.stringify(first.url)}`, `sha512: ${JSON.stringify(first.sha512)}`] : []),
    `releaseDate: ${JSON.stringify(release.releaseDate)}`,
  ];
  if (release.releaseNotes) lines.push(`releaseNotes: ${JSON.stringify(release.releaseNotes)}`);
  return `${lines.join('\n')}\n`;
}
