// HTTP/2 and HTTP/3 carry no reason phrase, so `statusText` is often empty: titles fall back to these.
// One string per hundred, `|`-separated, indexed by `status % 100`; an empty slot has no phrase.
const phrases = [
  // 300-308
  'Multiple Choices|Moved Permanently|Found|See Other|Not Modified|||Temporary Redirect|Permanent Redirect',
  // 400-431, 451
  'Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|' +
    'Proxy Authentication Required|Request Timeout|Conflict|Gone|Length Required|Precondition Failed|' +
    'Content Too Large|URI Too Long|Unsupported Media Type|Range Not Satisfiable|Expectation Failed||||' +
    'Misdirected Request|Unprocessable Content|Locked|Failed Dependency|Too Early|Upgrade Required||' +
    'Precondition Required|Too Many Requests||Request Header Fields Too Large' +
    '||||||||||||||||||||Unavailable For Legal Reasons',
  // 500-511
  'Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout|' +
    'HTTP Version Not Supported||Insufficient Storage||||Network Authentication Required',
];

export function reasonPhrase(status: number, statusText?: string): string {
  return (
    statusText?.trim() ||
    phrases[Math.floor(status / 100) - 3]?.split('|')[status % 100] ||
    (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : `HTTP ${status}`)
  );
}
