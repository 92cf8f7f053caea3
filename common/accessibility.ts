import { z } from 'zod';

/*
 * What a person may change for their own visit so they can read and hear the kiosk: the text size, a
 * high-contrast theme, and read-aloud through the host. The preferences live with the visit and are
 * wiped with it; the next person starts from STANDARD_DISPLAY.
 */

/** Text size in percent of the kiosk's own; WCAG 1.4.4 asks for 200 % without loss of content. */
export const TEXT_SIZES = [100, 150, 200] as const;
export const TextSizeSchema = z.literal(TEXT_SIZES);
export type TextSize = z.infer<typeof TextSizeSchema>;

export const CONTRASTS = ['standard', 'high'] as const;
export const ContrastSchema = z.enum(CONTRASTS);
export type Contrast = z.infer<typeof ContrastSchema>;

export const DisplayPreferencesSchema = z.object({ textSize: TextSizeSchema, contrast: ContrastSchema }).strict();
export type DisplayPreferences = z.infer<typeof DisplayPreferencesSchema>;

export const STANDARD_DISPLAY: DisplayPreferences = { textSize: 100, contrast: 'standard' };

/**
 * The longest text the host reads aloud at once: a screen's main text fits (about a minute of speech),
 * and the WAV it gives (about 2.8 MB, 3.7 MB in base64) stays a reasonable bridge message.
 */
export const SPEECH_MAX_CHARS = 1_200;

/** The largest WAV the host sends back, in base64 characters: well above what SPEECH_MAX_CHARS gives. */
export const SPEECH_WAV_MAX_BASE64 = 12_000_000;

/** A request id the view picks, so it plays only the answer to its latest request. */
export const SpeechIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
