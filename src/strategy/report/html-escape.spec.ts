import { escapeHtml, serializeJsonForScript } from './html-escape.js';

describe('serializeJsonForScript', () => {
  const hostile = { name: '</script><script>alert(1)</script><!-- & \u2028\u2029', big: 12n };

  it('leaves no <, >, & or line separator for the HTML parser to act on', () => {
    expect(serializeJsonForScript(hostile)).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('still parses back to the same value, a bigint as its digits', () => {
    expect(JSON.parse(serializeJsonForScript(hostile))).toEqual({ name: hostile.name, big: '12' });
  });
});

describe('escapeHtml', () => {
  it('escapes what could open a tag or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
