import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countOf,
  escapeHtml,
  excerpt,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatShortDate,
  formatTime,
  MASKED_EMAIL,
  MASKED_PHONE,
  maskContacts,
  pluralize,
  timeZoneLabel,
  wrapText,
} from '#mail/format';

const TZ = 'Asia/Ho_Chi_Minh';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert(1)</script> & "x" 'y'`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;',
    );
  });

  it('leaves Vietnamese text and already-plain text alone', () => {
    expect(escapeHtml('Ngập nước đường Nguyễn Hữu Cảnh')).toBe('Ngập nước đường Nguyễn Hữu Cảnh');
  });

  it('escapes an existing entity again (it is text, not markup)', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('maskContacts: phone numbers', () => {
  it.each([
    ['Gọi 0912345678 ngay', `Gọi ${MASKED_PHONE} ngay`],
    ['SĐT 0912 345 678.', `SĐT ${MASKED_PHONE}.`],
    ['số 091-234-5678 nhé', `số ${MASKED_PHONE} nhé`],
    ['Zalo: 0912.345.678', `Zalo: ${MASKED_PHONE}`],
    ['Liên hệ +84 912 345 678', `Liên hệ ${MASKED_PHONE}`],
    ['Liên hệ +84912345678', `Liên hệ ${MASKED_PHONE}`],
    ['(+84) 912 345 678', MASKED_PHONE],
    ['+84 (0) 912 345 678', MASKED_PHONE],
    ['0084 912 345 678', MASKED_PHONE],
    ['84912345678', MASKED_PHONE],
    ['Đường dây nóng (028) 3829 1234', `Đường dây nóng ${MASKED_PHONE}`],
    ['028 3829 1234 hoặc 028.3829.1234', `${MASKED_PHONE} hoặc ${MASKED_PHONE}`],
    ['02838291234', MASKED_PHONE],
    ['sđt0912345678', `sđt${MASKED_PHONE}`],
    ['Gọi anh Tuấn (0912 345 678) để biết thêm', `Gọi anh Tuấn (${MASKED_PHONE}) để biết thêm`],
    ['0912345678/0987654321', `${MASKED_PHONE}/${MASKED_PHONE}`],
    ['Zalo: 0912.345.678, 0987 654 321', `Zalo: ${MASKED_PHONE}, ${MASKED_PHONE}`],
    ['+1 415 555 0100', MASKED_PHONE],
    ['CCCD 079123456789', `CCCD ${MASKED_PHONE}`],
    ['ngày 26/11/2026 gọi 0912345678', `ngày 26/11/2026 gọi ${MASKED_PHONE}`],
    ['26.11.2026 0912345678', `26.11.2026 ${MASKED_PHONE}`],
  ])('masks %j', (input, expected) => {
    expect(maskContacts(input)).toBe(expected);
  });

  it.each([
    'ngày 2026-11-26 lúc 10:30',
    '2026-11-26T10:30:00+07:00',
    '2026-11-26 10:30:00',
    'ngày 26/11/2026',
    'ngày 26-11-2026 và 27.11.2026',
    '26.11.2026 10.30',
    'giờ làm việc 08.00-17.00, thứ Bảy 07.30 - 11.30',
    'năm 2026',
    'các năm 2020 2021 2022',
    'giai đoạn 2021-2025',
    'có 42 phản ánh, 3 hồ sơ',
    'phí 1.200.000 đồng',
    'thiệt hại 12.000.000.000 đồng',
    'thiệt hại 1.500.000.000',
    'khoảng 100.000-200.000 người',
    '1,200,000 VND',
    'giá 1500000000 đồng',
    'gọi 113, 114 hoặc 115',
    'tổng đài 1900 1234',
    'tỷ lệ 12,5%',
    'tuyến xe buýt số 19',
  ])('leaves %j as it is', (input) => {
    expect(maskContacts(input)).toBe(input);
  });

  it('masks numbers inside Vietnamese sentences with diacritics on both sides', () => {
    const s = 'Người dân phản ánh ở phường Bến Nghé, số điện thoại 0903.123.456 – đề nghị xử lý gấp';
    expect(maskContacts(s)).toBe(
      `Người dân phản ánh ở phường Bến Nghé, số điện thoại ${MASKED_PHONE} – đề nghị xử lý gấp`,
    );
  });

  it('reads decomposed (NFD) Vietnamese the same as composed text', () => {
    const nfd = 'Liên hệ 0912345678 để đăng ký'.normalize('NFD');
    expect(maskContacts(nfd)).toBe(`Liên hệ ${MASKED_PHONE} để đăng ký`);
  });

  it('masks a number cut off at the end of an excerpt only when told the text was cut', () => {
    expect(maskContacts('Liên hệ anh Nam 0912 34', { cut: true })).toBe(`Liên hệ anh Nam ${MASKED_PHONE}`);
    expect(maskContacts('Liên hệ anh Nam 0912 34…', { cut: true })).toBe(`Liên hệ anh Nam ${MASKED_PHONE}…`);
    expect(maskContacts('Liên hệ anh Nam 0912 34')).toBe('Liên hệ anh Nam 0912 34');
    expect(maskContacts('từ 08.00-17.00', { cut: true })).toBe('từ 08.00-17.00');
    expect(maskContacts('trong năm 2026', { cut: true })).toBe('trong năm 2026');
  });

  it('never leaves a Vietnamese mobile number readable, however it is written', () => {
    const prefixes = ['090', '091', '098', '086', '070', '079', '081', '085', '032', '039', '056', '058'];
    const separators = ['', ' ', '.', '-', ' - '];
    fc.assert(
      fc.property(
        fc.constantFrom(...prefixes),
        fc.stringMatching(/^\d{7}$/),
        fc.constantFrom(...separators),
        fc.constantFrom('0', '+84 ', '84', '(+84) '),
        fc.constantFrom('Gọi ', 'SĐT: ', 'liên hệ số ', 'Nhắn Zalo ', ''),
        fc.constantFrom(' để được hỗ trợ.', ', gặp chị Hoa', '', '!'),
        (prefix, rest, sep, trunk, before, after) => {
          const national = prefix.slice(1) + rest; // 9 digits without the trunk 0
          const grouped = [national.slice(0, 2), national.slice(2, 5), national.slice(5)].join(sep);
          const text = `${before}${trunk}${grouped}${after}`;
          const masked = maskContacts(text);
          expect(masked).toContain(MASKED_PHONE);
          expect(masked.replace(/\D/g, '')).not.toContain(national.slice(-6));
        },
      ),
    );
  });
});

describe('maskContacts: email addresses', () => {
  it.each([
    ['Email: nguyen.van.a@gmail.com.', `Email: ${MASKED_EMAIL}.`],
    ['gửi tới phong.bao-chi+tin@hochiminhcity.gov.vn ngay', `gửi tới ${MASKED_EMAIL} ngay`],
    ['NGUYEN_VAN_A@YAHOO.COM.VN', MASKED_EMAIL],
    ['abc [at] gmail [dot] com', MASKED_EMAIL],
    ['abc(at)gmail.com', MASKED_EMAIL],
    ['liên hệ trần.thị.bình@công-ty.vn', `liên hệ ${MASKED_EMAIL}`],
    ['0912345678@gmail.com', MASKED_EMAIL],
    ['a@b.vn, c@d.vn', `${MASKED_EMAIL}, ${MASKED_EMAIL}`],
  ])('masks %j', (input, expected) => {
    expect(maskContacts(input)).toBe(expected);
  });

  it.each(['theo dõi fanpage @UBNDQuan1', 'giá 5@10', 'email không hợp lệ: abc@', 'tỷ lệ 3:2'])(
    'leaves %j as it is',
    (input) => {
      expect(maskContacts(input)).toBe(input);
    },
  );

  it('masks a half address at the end of a cut excerpt', () => {
    expect(maskContacts('gửi thư cho nguyenvana@gm', { cut: true })).toBe(`gửi thư cho ${MASKED_EMAIL}`);
  });

  it('masks both kinds in one text, and masking twice changes nothing more', () => {
    const once = maskContacts('Gọi 0912 345 678 hoặc viết cho a.b@c.vn vào ngày 26/11/2026');
    expect(once).toBe(`Gọi ${MASKED_PHONE} hoặc viết cho ${MASKED_EMAIL} vào ngày 26/11/2026`);
    expect(maskContacts(once)).toBe(once);
  });

  it('masks before escaping, so markup around a contact is still escaped', () => {
    expect(escapeHtml(maskContacts('<b>0912345678</b> & a@b.vn'))).toBe(
      `&lt;b&gt;${MASKED_PHONE}&lt;/b&gt; &amp; ${MASKED_EMAIL}`,
    );
  });
});

describe('excerpt', () => {
  it('returns short text unchanged apart from collapsed whitespace', () => {
    expect(excerpt('  Ngập   nước\n\tđường  Nguyễn Hữu Cảnh  ')).toBe('Ngập nước đường Nguyễn Hữu Cảnh');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    const s = 'Người dân phản ánh tình trạng ngập nước kéo dài trên đường Nguyễn Hữu Cảnh';
    const out = excerpt(s, 30);
    expect(out).toBe('Người dân phản ánh tình trạng…');
    expect(Array.from(out).length).toBeLessThanOrEqual(30);
  });

  it('keeps the whole last word when the cut falls right after it', () => {
    expect(excerpt('một hai ba bốn', 8)).toBe('một hai…');
  });

  it('cuts one very long word hard rather than returning nothing', () => {
    const out = excerpt(`https://example.org/${'a'.repeat(300)}`, 50);
    expect(Array.from(out).length).toBe(50);
    expect(out.endsWith('…')).toBe(true);
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(excerpt('Mưa lớn, ngập sâu, kẹt xe kéo dài', 19)).toBe('Mưa lớn, ngập sâu…');
  });

  it('counts Vietnamese characters, not UTF-16 units or combining marks', () => {
    const nfd = 'Đường Nguyễn Hữu Cảnh ngập sâu'.normalize('NFD');
    expect(excerpt(nfd, 200)).toBe('Đường Nguyễn Hữu Cảnh ngập sâu');
    expect(excerpt(nfd, 200)).toBe(excerpt(nfd, 200).normalize('NFC'));
  });

  it('defaults to 200 characters', () => {
    const out = excerpt('từ '.repeat(200));
    expect(Array.from(out).length).toBeLessThanOrEqual(200);
    expect(out.endsWith('từ…')).toBe(true);
  });
});

describe('dates in the locale and the configured zone', () => {
  it('writes a local day in full', () => {
    expect(formatDate('2026-11-26', 'vi')).toBe('Thứ Năm, 26/11/2026');
    expect(formatDate('2026-11-26', 'en')).toBe('Thursday, 26 November 2026');
    expect(formatDate('2026-11-29', 'vi')).toBe('Chủ Nhật, 29/11/2026');
    expect(formatDate('2027-01-01', 'en')).toBe('Friday, 1 January 2027');
  });

  it('writes a short day for subjects', () => {
    expect(formatShortDate('2026-11-26', 'vi')).toBe('26/11/2026');
    expect(formatShortDate('2026-09-03', 'en')).toBe('3 Sep 2026');
  });

  it('rejects what is not a calendar day', () => {
    expect(() => formatDate('2026-02-30', 'vi')).toThrow(/calendar day/);
    expect(() => formatDate('26/11/2026', 'en')).toThrow(/calendar day/);
  });

  it('shows an instant as wall-clock time in the configured zone', () => {
    const iso = '2026-11-26T17:30:00Z';
    expect(formatDateTime(iso, 'vi', TZ)).toBe('27/11/2026 00:30');
    expect(formatDateTime(iso, 'en', TZ)).toBe('27 Nov 2026, 00:30');
    expect(formatDateTime(iso, 'vi', TZ, { year: false })).toBe('27/11 00:30');
    expect(formatDateTime(iso, 'en', TZ, { year: false, weekday: true })).toBe('Friday, 27 Nov, 00:30');
    expect(formatDateTime(iso, 'vi', TZ, { year: false, weekday: true })).toBe('Thứ Sáu, 27/11 00:30');
    expect(formatDateTime(iso, 'en', 'UTC')).toBe('26 Nov 2026, 17:30');
    expect(formatTime(iso, TZ)).toBe('00:30');
  });

  it('uses a 24-hour clock, midnight as 00', () => {
    expect(formatDateTime('2026-11-26T17:00:00Z', 'en', TZ)).toBe('27 Nov 2026, 00:00');
    expect(formatDateTime('2026-11-26T16:59:00Z', 'vi', TZ)).toBe('26/11/2026 23:59');
  });

  it('rejects an invalid instant', () => {
    expect(() => formatDateTime('yesterday', 'vi', TZ)).toThrow(/not an instant/);
  });

  it('names the zone with its offset', () => {
    expect(timeZoneLabel(TZ, '2026-11-26T00:00:00Z')).toBe('GMT+7 (Asia/Ho_Chi_Minh)');
    expect(timeZoneLabel('UTC', '2026-11-26T00:00:00Z')).toBe('GMT (UTC)');
  });
});

describe('numbers, plurals and durations', () => {
  it('groups digits the locale way', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(42, 'vi')).toBe('42');
    expect(formatNumber(2.5, 'vi')).toBe('2,5');
  });

  it('picks singular or plural in English, one form in Vietnamese', () => {
    expect(pluralize(1, 'en', { one: 'report', other: 'reports' })).toBe('report');
    expect(pluralize(0, 'en', { one: 'report', other: 'reports' })).toBe('reports');
    expect(countOf(1200, 'en', { one: 'report', other: 'reports' })).toBe('1,200 reports');
    expect(countOf(1, 'vi', { one: 'phản ánh', other: 'phản ánh' })).toBe('1 phản ánh');
  });

  it('writes a duration to its two largest units', () => {
    expect(formatDuration(100800, 'vi')).toBe('1 ngày 4 giờ');
    expect(formatDuration(100800, 'en')).toBe('1 d 4 h');
    expect(formatDuration(3 * 86400, 'vi')).toBe('3 ngày');
    expect(formatDuration(12000, 'vi')).toBe('3 giờ 20 phút');
    expect(formatDuration(7200, 'en')).toBe('2 h');
    expect(formatDuration(45 * 60, 'en')).toBe('45 min');
    expect(formatDuration(20, 'vi')).toBe('dưới 1 phút');
    expect(formatDuration(20, 'en')).toBe('< 1 min');
  });

  it('rounds a long duration to whole hours', () => {
    expect(formatDuration(86400 + 4 * 3600 + 40 * 60, 'en')).toBe('1 d 5 h');
    expect(formatDuration(86400 * 2 - 60, 'vi')).toBe('2 ngày');
  });
});

describe('wrapText', () => {
  it('wraps at the width with a hanging indent', () => {
    const lines = wrapText('một hai ba bốn năm sáu bảy tám chín mười', 16, '- ', '  ');
    expect(lines).toEqual(['- một hai ba bốn', '  năm sáu bảy', '  tám chín mười']);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(16);
  });

  it('keeps a word longer than the line whole', () => {
    expect(wrapText('xem https://example.org/a/very/long/path ngay', 12)).toEqual([
      'xem',
      'https://example.org/a/very/long/path',
      'ngay',
    ]);
  });

  it('never splits a masked phone number across lines', () => {
    const lines = wrapText(`gọi số ${MASKED_PHONE} ngay`, 12);
    expect(lines.some((l) => l.includes(MASKED_PHONE))).toBe(true);
  });
});
