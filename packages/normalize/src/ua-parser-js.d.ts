// ua-parser-js 1.x ships no types (2.x does, under another licence); this covers the part we use.
declare module 'ua-parser-js' {
  interface UAResult {
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
    device: { vendor?: string; model?: string; type?: string };
    cpu: { architecture?: string };
  }
  class UAParser {
    constructor(ua?: string);
    getResult(): UAResult;
  }
  export default UAParser;
}
