// core/mask.js — personal data on a phone screen, which is read over
// shoulders: IDs and phones are shown masked with shared/anju-mask.c's rule
// even where the server answers them in full (a reviewer, the user's own
// phone). A value the server masked already stays as it is.

// Keeps head and tail characters and stars the rest, one star per
// character; when nothing would be hidden everything is (anju-mask.c).
function maskKeeping(text, head, tail) {
  if (text === null || text === undefined || text === '')
    return '—';
  text = String(text);
  if (text.includes('*'))
    return text;
  const chars = Array.from(text);
  if (chars.length <= head + tail)
    return '*'.repeat(chars.length);
  return chars.slice(0, head).join('')
    + '*'.repeat(chars.length - head - tail)
    + chars.slice(chars.length - tail).join('');
}

export const maskIdNumber = (text) => maskKeeping(text, 6, 4);
export const maskPhone = (text) => maskKeeping(text, 3, 4);
