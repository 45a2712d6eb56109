/** The 审批表 photo box is 35.7 × 48.7 mm: 3 wide to 4 high. */
export const PHOTO_ASPECT = 3 / 4;
/** Stored photo size in pixels (about 250 dpi in the box): sharp on the printed form, small in the vault. */
export const PHOTO_OUT = { width: 360, height: 480 };

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The default crop: the largest 3:4 box, centred across and held at the top (an ID photo has the
 * face in the upper part; a full-length or landscape shot loses its lower or side parts first).
 */
export function defaultCrop(width: number, height: number): CropRect {
  if (width / height > PHOTO_ASPECT) {
    const w = Math.round(height * PHOTO_ASPECT);
    return { x: Math.floor((width - w) / 2), y: 0, width: w, height };
  }
  const h = Math.round(width / PHOTO_ASPECT);
  return { x: 0, y: 0, width, height: h };
}

/** A crop sent back from the preview, kept inside the picture and at least 30 × 40 pixels. */
export function clampCrop(c: CropRect, width: number, height: number): CropRect {
  const w = Math.max(30, Math.min(Math.round(c.width), width));
  const h = Math.max(40, Math.min(Math.round(c.height), height));
  const x = Math.max(0, Math.min(Math.round(c.x), width - w));
  const y = Math.max(0, Math.min(Math.round(c.y), height - h));
  return { x, y, width: w, height: h };
}
