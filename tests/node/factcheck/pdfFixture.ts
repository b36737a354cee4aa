// Builds small real PDF files for the tests: one page, one Type0 font with Identity-H encoding and a
// ToUnicode map (the way word processors embed Arabic), glyphs of right-to-left lines written in visual order
// as PDF producers do. Lines are not wrapped: keep each under about 90 characters to stay on the page. The font program itself is not embedded: text extraction reads only the ToUnicode map.
export function buildPdf(lines: readonly string[]): Uint8Array {
  const chars = [...new Set([...lines.join('')])];
  const code = (c: string): string => (chars.indexOf(c) + 1).toString(16).padStart(4, '0');
  const rtl = (s: string): boolean => /[\u0600-\u06FF]/u.test(s);
  let content = 'BT /F1 12 Tf 14 TL 40 800 Td\n';
  for (const line of lines) {
    const glyphs = [...line];
    const visual = rtl(line) ? glyphs.reverse() : glyphs;
    content += `<${visual.map(code).join('')}> Tj T*\n`;
  }
  content += 'ET';
  const pairs = chars.map(
    (c) => `<${code(c)}> <${[...c].map((x) => x.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}>`,
  );
  let cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) ' +
    '/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def ' +
    '1 begincodespacerange <0000> <FFFF> endcodespacerange\n';
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    cmap += `${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap CMapName currentdict /CMap defineresource pop end end';
  const stream = (s: string): string =>
    `<< /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}\nendstream`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /ArabicText /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArabicText /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 500 >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /ArabicText /Flags 32 /FontBBox [0 -300 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -300 /CapHeight 700 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
