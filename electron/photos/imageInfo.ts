/**
 * A photo's kind and pixel size from its header alone: the preview of 200 photos must not decode
 * 200 images, and a picture claiming 30 000 × 30 000 pixels is refused before anything is decoded.
 */
export interface ImageInfo {
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

export function imageInfo(b: Uint8Array): ImageInfo | null {
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (String.fromCharCode(b[12], b[13], b[14], b[15]) !== 'IHDR') return null;
    return { mime: 'image/png', width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let at = 2;
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1];
      if (marker === 0xff) {
        at++;
        continue;
      }
      const len = (b[at + 2] << 8) | b[at + 3];
      // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG), CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', height: (b[at + 5] << 8) | b[at + 6], width: (b[at + 7] << 8) | b[at + 8] };
      }
      if (len < 2) return null;
      at += 2 + len;
    }
    return null;
  }
  return null;
}
