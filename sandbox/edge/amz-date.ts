// SigV4's time forms: X-Amz-Date (`20261203T110000Z`) and the ISO 8601 to the second that AWS's error
// fields (Expires, ServerTime) carry.

/** `20261203T110000Z`, the X-Amz-Date form. */
export const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Epoch ms of an X-Amz-Date; NaN when it is not one. */
export const fromAmzDate = (text: string) => Date.parse(text.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));

/** `2026-12-03T11:00:00Z`. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
