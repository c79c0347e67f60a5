// photo-prepare.js: pictures made ready for upload on the phone, shared by
// the scan and materials pages (not a page: it registers no route).
//
// A phone photo is 3–12 MB; over a slow connection that is minutes, and
// the server needs far less to read a proof or a QR code.  So large
// pictures are drawn again at a bounded size and sent as JPEG; small ones
// and anything that is not a picture go as they are, byte for byte.

// The types the server stores as they are (docs/api.md, Files).
const STORED_AS_IS = ['image/jpeg', 'image/png'];

// Decodes a picture upright (EXIF orientation applied), or null when the
// browser cannot read it.
async function decode(blob) {
  try {
    return await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
}

// Draws source (an ImageBitmap or a playing <video>) scaled so that its
// longest side is at most maxSide (never enlarged) and encodes it as JPEG.
export function drawJpeg(source, width, height, maxSide, quality) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))),
                  'image/jpeg', quality);
  });
}

// Replaces the extension of name by .jpg (a resized picture is a JPEG).
function jpegName(name) {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) + '.jpg';
}

// → {blob, name, type, resized}: what to upload for file.  Pictures whose
// longest side is over maxSide, or of a type the server does not keep
// (HEIC, WebP …), are drawn again as JPEG.
export async function preparePhoto(file, { maxSide = 1600, quality = 0.85 } = {}) {
  const asIs = { blob: file, name: file.name, type: file.type || 'application/octet-stream',
                 resized: false };
  if (!file.type.startsWith('image/'))
    return asIs;
  const bitmap = await decode(file);
  if (bitmap === null)
    return asIs;
  try {
    const small = Math.max(bitmap.width, bitmap.height) <= maxSide;
    if (small && STORED_AS_IS.includes(file.type))
      return asIs;
    const blob = await drawJpeg(bitmap, bitmap.width, bitmap.height, maxSide, quality);
    return { blob, name: jpegName(file.name), type: 'image/jpeg', resized: true };
  } finally {
    bitmap.close();
  }
}
