// `npm run seed`: loads realistic sample reports into the running local stack
// through its HTTP API, as field collaborators would submit them. Every report
// carries an Idempotency-Key derived from the local day and its position, and
// its observedAt is anchored to the start of that day, so running seed again
// the same day replays instead of storing anything twice.
import { TZDate } from '@date-fns/tz';
import type { Role } from '#functions/routes';
import { loadAppConfig } from '#infra/config/index';
import { LocalStackError } from './ports';
import { isConnectionError, notRunningMessage, readStackFile } from './stack-file';
import { TokenKeys } from './token';

type Channel = 'social' | 'press' | 'community' | 'hotline' | 'other';
type Sentiment = 'positive' | 'neutral' | 'negative';
type Urgency = 'normal' | 'high' | 'critical';

interface SampleReport {
  /** Hours before the start of today (local time) when it was observed. */
  hoursAgo: number;
  by: { role: Role; user: string };
  title: string;
  summary: string;
  category: string;
  area: string;
  channel: Channel;
  sentiment: Sentiment;
  urgency: Urgency;
  sourceUrls: string[];
  reach?: number;
}

const LAN = { role: 'reporter', user: 'reporter-lan' } as const;
const MINH = { role: 'reporter', user: 'reporter-minh' } as const;
const THAO = { role: 'reporter', user: 'reporter-thao' } as const;
const DESK = { role: 'desk', user: 'desk-hoa' } as const;

// Posts that many people report: the same URL written in different ways
// (tracking parameters, fragments, trailing slashes), which the duplicate hint folds together.
const WATER_POST = 'https://www.facebook.com/groups/cudanthuduc/posts/1029384756';
const FLOOD_VIDEO = 'https://www.tiktok.com/@tinnong24h/video/7391827364501928';
const FEE_ARTICLE = 'https://vnexpress.net/phi-gui-xe-chung-cu-tang-gap-doi-4791203.html';

const SAMPLES: SampleReport[] = [
  {
    hoursAgo: 2,
    by: LAN,
    title: 'Tin đồn nước máy khu Thủ Đức nhiễm khuẩn, khuyên người dân không dùng',
    summary:
      'Một bài đăng trong nhóm cư dân cho rằng nước máy ở TP. Thủ Đức bị nhiễm khuẩn E. coli và khuyên không dùng nước để nấu ăn. Bài đăng không dẫn nguồn kiểm nghiệm, đã có nhiều bình luận hoang mang.',
    category: 'misinformation',
    area: 'thu-duc',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'critical',
    sourceUrls: [WATER_POST],
    reach: 48_000,
  },
  {
    hoursAgo: 3,
    by: MINH,
    title: 'Bài đăng về nước nhiễm khuẩn lan sang các nhóm chung cư',
    summary:
      'Bài đăng về nước máy nhiễm khuẩn được chia sẻ lại trong ít nhất năm nhóm chung cư, một số người đã đi mua nước đóng chai số lượng lớn.',
    category: 'misinformation',
    area: 'thu-duc',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'critical',
    sourceUrls: [`${WATER_POST}/?utm_source=zalo&utm_medium=share`],
    reach: 61_000,
  },
  {
    hoursAgo: 5,
    by: THAO,
    title: 'Người dân hỏi về chất lượng nước máy sau tin đồn',
    summary:
      'Đường dây nóng nhận nhiều cuộc gọi hỏi nước máy có an toàn không; người gọi dẫn lại bài đăng trên mạng xã hội.',
    category: 'misinformation',
    area: 'citywide',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [`${WATER_POST}#comments`],
  },
  {
    hoursAgo: 4,
    by: LAN,
    title: 'Video ngập sâu đường Nguyễn Hữu Cảnh sau mưa lớn',
    summary:
      'Video quay cảnh nước ngập quá bánh xe trên đường Nguyễn Hữu Cảnh, nhiều xe chết máy. Người đăng phàn nàn dự án chống ngập chưa hiệu quả.',
    category: 'transport',
    area: 'binh-thanh',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [FLOOD_VIDEO],
    reach: 230_000,
  },
  {
    hoursAgo: 6,
    by: MINH,
    title: 'Clip ngập Nguyễn Hữu Cảnh được báo chí đăng lại',
    summary:
      'Một số trang tin đăng lại clip ngập trên đường Nguyễn Hữu Cảnh, đặt câu hỏi về tiến độ trạm bơm. Bình luận phần lớn tiêu cực.',
    category: 'transport',
    area: 'binh-thanh',
    channel: 'press',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [`${FLOOD_VIDEO}?fbclid=IwAR0x`, 'https://tuoitre.vn/ngap-nguyen-huu-canh-20250101.htm'],
    reach: 95_000,
  },
  {
    hoursAgo: 7,
    by: THAO,
    title: 'Phản ánh đèn tín hiệu giao thông hỏng tại ngã tư Hàng Xanh',
    summary:
      'Người dân phản ánh đèn tín hiệu ở ngã tư Hàng Xanh tắt từ sáng, gây ùn tắc giờ cao điểm; chưa thấy lực lượng điều tiết.',
    category: 'transport',
    area: 'binh-thanh',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [],
  },
  {
    hoursAgo: 9,
    by: LAN,
    title: 'Khen ngợi tuyến xe buýt điện mới đến TP. Thủ Đức',
    summary:
      'Nhiều bình luận khen tuyến xe buýt điện mới sạch sẽ, đúng giờ; một số người đề nghị tăng tần suất vào giờ cao điểm.',
    category: 'transport',
    area: 'thu-duc',
    channel: 'social',
    sentiment: 'positive',
    urgency: 'normal',
    sourceUrls: ['https://www.facebook.com/xebuytdien/posts/55512345'],
    reach: 12_500,
  },
  {
    hoursAgo: 11,
    by: MINH,
    title: 'Thông tin sai về việc cấm xe máy vào Quận 1 từ tháng sau',
    summary:
      'Một trang tin không chính thống đưa tin thành phố sẽ cấm xe máy vào trung tâm Quận 1 từ tháng sau. Chưa có văn bản nào như vậy.',
    category: 'misinformation',
    area: 'district-1',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: ['https://tinnhanh24h.info/cam-xe-may-quan-1-thang-toi'],
    reach: 87_000,
  },
  {
    hoursAgo: 13,
    by: THAO,
    title: 'Rác thải tồn đọng trên kênh Nhiêu Lộc – Thị Nghè',
    summary:
      'Cư dân ven kênh phản ánh rác nổi thành mảng dài, bốc mùi vào buổi chiều; đề nghị tăng tần suất vớt rác.',
    category: 'environment',
    area: 'district-3',
    channel: 'community',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: ['https://www.facebook.com/groups/cudanquan3/posts/44455566'],
    reach: 3_400,
  },
  {
    hoursAgo: 15,
    by: LAN,
    title: 'Khói đốt rác gây ô nhiễm ở khu dân cư Gò Vấp',
    summary:
      'Người dân phản ánh tình trạng đốt rác lộ thiên vào buổi tối tại một bãi đất trống, khói bay vào nhà, trẻ nhỏ bị ho.',
    category: 'environment',
    area: 'go-vap',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [],
  },
  {
    hoursAgo: 17,
    by: MINH,
    title: 'Chỉ số bụi mịn tăng cao, người dân hỏi có nên cho trẻ ra ngoài',
    summary:
      'Ứng dụng đo chất lượng không khí báo chỉ số PM2.5 ở mức kém; nhiều phụ huynh hỏi trường có cho học sinh nghỉ hoạt động ngoài trời không.',
    category: 'environment',
    area: 'citywide',
    channel: 'social',
    sentiment: 'neutral',
    urgency: 'normal',
    sourceUrls: ['https://www.facebook.com/groups/phuhuynhsaigon/posts/77788899'],
    reach: 21_000,
  },
  {
    hoursAgo: 20,
    by: THAO,
    title: 'Phản ánh quá tải tại phòng khám nhi bệnh viện quận',
    summary:
      'Phụ huynh phản ánh phải chờ hơn ba giờ để khám cho con do số ca sốt xuất huyết tăng; đề nghị mở thêm bàn khám.',
    category: 'health',
    area: 'go-vap',
    channel: 'community',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [],
  },
  {
    hoursAgo: 22,
    by: LAN,
    title: 'Tin đồn thiếu thuốc điều trị sốt xuất huyết',
    summary:
      'Một bài đăng cho rằng các nhà thuốc đã hết thuốc hạ sốt cho trẻ vì dịch sốt xuất huyết; bài đăng kêu gọi tích trữ thuốc.',
    category: 'misinformation',
    area: 'citywide',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'critical',
    sourceUrls: ['https://www.facebook.com/mebimsua/posts/99911122'],
    reach: 150_000,
  },
  {
    hoursAgo: 26,
    by: DESK,
    title: 'Báo chí đưa tin số ca sốt xuất huyết tăng trong tuần',
    summary:
      'Các báo lớn đưa tin số ca sốt xuất huyết tăng so với cùng kỳ; nội dung dẫn số liệu của ngành y tế, giọng điệu trung lập.',
    category: 'health',
    area: 'citywide',
    channel: 'press',
    sentiment: 'neutral',
    urgency: 'normal',
    sourceUrls: ['https://thanhnien.vn/sot-xuat-huyet-tang-185250101.htm'],
    reach: 40_000,
  },
  {
    hoursAgo: 28,
    by: MINH,
    title: 'Người dân cảm ơn đội phun thuốc diệt muỗi tại Bình Thạnh',
    summary:
      'Nhiều bình luận cảm ơn đội y tế phường đã phun thuốc diệt muỗi và hướng dẫn dọn dẹp lăng quăng.',
    category: 'health',
    area: 'binh-thanh',
    channel: 'social',
    sentiment: 'positive',
    urgency: 'normal',
    sourceUrls: ['https://www.facebook.com/phuongbinhthanh/posts/31415926'],
    reach: 2_100,
  },
  {
    hoursAgo: 30,
    by: THAO,
    title: 'Phụ huynh lo lắng về khoản thu đầu năm học',
    summary:
      'Phụ huynh một trường tiểu học phản ánh danh sách các khoản thu đầu năm dài, có khoản không rõ mục đích; đề nghị công khai.',
    category: 'education',
    area: 'district-3',
    channel: 'community',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: [],
  },
  {
    hoursAgo: 33,
    by: LAN,
    title: 'Tin đồn thay đổi lịch thi tuyển sinh lớp 10',
    summary:
      'Một tài khoản mạng xã hội đăng ảnh chụp "thông báo" dời lịch thi tuyển sinh lớp 10; ảnh có dấu hiệu chỉnh sửa.',
    category: 'misinformation',
    area: 'citywide',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: ['https://www.tiktok.com/@hocsinh2k9/video/7400011122233344'],
    reach: 310_000,
  },
  {
    hoursAgo: 36,
    by: MINH,
    title: 'Trường học ở Thủ Đức thiếu chỗ, học sinh học ca ba',
    summary:
      'Phụ huynh khu đô thị mới phản ánh trường gần nhà không đủ phòng học, học sinh phải học luân phiên; đề nghị đẩy nhanh xây trường.',
    category: 'education',
    area: 'thu-duc',
    channel: 'press',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: ['https://zingnews.vn/thieu-truong-hoc-thu-duc-post1500000.html'],
    reach: 18_000,
  },
  {
    hoursAgo: 40,
    by: THAO,
    title: 'Phí gửi xe chung cư tăng gấp đôi, cư dân bức xúc',
    summary:
      'Ban quản lý một chung cư thông báo tăng phí gửi xe máy gấp đôi; cư dân cho rằng không có họp lấy ý kiến.',
    category: 'land-housing',
    area: 'binh-thanh',
    channel: 'press',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: [FEE_ARTICLE],
    reach: 27_000,
  },
  {
    hoursAgo: 41,
    by: LAN,
    title: 'Cư dân chung cư chia sẻ bài báo về phí gửi xe',
    summary:
      'Bài báo về phí gửi xe tăng được chia sẻ trong nhóm cư dân kèm lời kêu gọi tập trung phản đối vào cuối tuần.',
    category: 'land-housing',
    area: 'binh-thanh',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [`${FEE_ARTICLE.replace('vnexpress.net', 'VnExpress.net')}?utm_campaign=share`],
    reach: 9_800,
  },
  {
    hoursAgo: 44,
    by: MINH,
    title: 'Chậm cấp giấy chứng nhận quyền sử dụng đất tại Gò Vấp',
    summary:
      'Người dân phản ánh hồ sơ cấp giấy chứng nhận quá hạn hai tháng mà chưa có phản hồi; nhiều người gặp tình trạng tương tự.',
    category: 'land-housing',
    area: 'go-vap',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: [],
  },
  {
    hoursAgo: 47,
    by: THAO,
    title: 'Lấn chiếm vỉa hè tại phố đi bộ Bùi Viện',
    summary:
      'Du khách và người dân phản ánh hàng quán bày bàn ghế kín vỉa hè, người đi bộ phải xuống lòng đường.',
    category: 'public-order',
    area: 'district-1',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: ['https://www.facebook.com/saigonreview/posts/12121212'],
    reach: 15_000,
  },
  {
    hoursAgo: 50,
    by: LAN,
    title: 'Tiếng ồn karaoke về khuya tại khu dân cư Quận 3',
    summary:
      'Người dân phản ánh quán karaoke hoạt động quá 23 giờ, đã báo nhiều lần nhưng chưa được xử lý dứt điểm.',
    category: 'public-order',
    area: 'district-3',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: [],
  },
  {
    hoursAgo: 53,
    by: DESK,
    title: 'Clip cắt ghép về vụ việc trật tự tại Thủ Đức',
    summary:
      'Một đoạn clip cắt ghép từ nhiều sự việc khác nhau được giới thiệu là "vụ việc vừa xảy ra" ở Thủ Đức; cần xác minh nguồn gốc.',
    category: 'misinformation',
    area: 'thu-duc',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: ['https://www.youtube.com/watch?v=Xk3mP9qLr2A'],
    reach: 54_000,
  },
  {
    hoursAgo: 56,
    by: MINH,
    title: 'Người dân ủng hộ chiến dịch trồng cây xanh ven sông',
    summary:
      'Bài viết về chiến dịch trồng cây xanh ven sông Sài Gòn nhận nhiều phản hồi tích cực và đăng ký tình nguyện.',
    category: 'environment',
    area: 'thu-duc',
    channel: 'press',
    sentiment: 'positive',
    urgency: 'normal',
    sourceUrls: ['https://plo.vn/trong-cay-xanh-ven-song-post800000.html'],
    reach: 6_700,
  },
  {
    hoursAgo: 60,
    by: THAO,
    title: 'Phản ánh thời gian chờ làm thủ tục hành chính trực tuyến',
    summary:
      'Người dùng cổng dịch vụ công phản ánh hệ thống chậm vào giờ cao điểm, hồ sơ bị lỗi khi đính kèm tệp lớn.',
    category: 'other',
    area: 'citywide',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: ['https://www.facebook.com/groups/dichvucong/posts/65656565'],
    reach: 4_200,
  },
  {
    hoursAgo: 64,
    by: LAN,
    title: 'Hỏi về kế hoạch sửa cầu bộ hành Quận 1',
    summary: 'Một số người dân hỏi bao giờ cầu bộ hành bị hư hỏng được sửa; chưa có thông tin chính thức.',
    category: 'transport',
    area: 'district-1',
    channel: 'community',
    sentiment: 'neutral',
    urgency: 'normal',
    sourceUrls: [],
  },
  {
    hoursAgo: 68,
    by: MINH,
    title: 'Tin giả về việc thu hồi đất mở rộng đường ở Gò Vấp',
    summary:
      'Bài đăng nói một tuyến đường ở Gò Vấp sắp mở rộng và hàng trăm hộ sẽ bị thu hồi đất, kèm bản đồ không rõ nguồn.',
    category: 'misinformation',
    area: 'go-vap',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: ['https://batdongsan-tin.net/mo-rong-duong-go-vap'],
    reach: 33_000,
  },
  {
    hoursAgo: 72,
    by: THAO,
    title: 'Phản hồi tích cực về đường dây nóng tiếp nhận phản ánh',
    summary:
      'Một số người gọi đường dây nóng cho biết được hướng dẫn rõ ràng và phản ánh được chuyển đúng nơi xử lý.',
    category: 'other',
    area: 'citywide',
    channel: 'hotline',
    sentiment: 'positive',
    urgency: 'normal',
    sourceUrls: [],
  },
  {
    hoursAgo: 76,
    by: DESK,
    title: 'Ùn tắc kéo dài tại cửa ngõ phía Đông sau sự cố xe hỏng',
    summary:
      'Một xe container hỏng trên xa lộ gây ùn tắc hơn hai giờ; nhiều bài đăng chia sẻ hình ảnh và hỏi lộ trình thay thế.',
    category: 'transport',
    area: 'thu-duc',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [
      'https://www.facebook.com/otofun/posts/80808080',
      'https://vtv.vn/un-tac-xa-lo-ha-noi-2025.htm',
    ],
    reach: 72_000,
  },
];

/** The start of today in the configured zone, and its date, e.g. 2025-03-14. */
const localDayStart = (timeZone: string, now = new Date()): { start: Date; date: string } => {
  const d = new TZDate(now.getTime(), timeZone);
  d.setHours(0, 0, 0, 0);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { start: new Date(d.getTime()), date };
};

const main = async () => {
  const dataDir = process.env.DATA_DIR?.trim() || '.local';
  const stack = await readStackFile(dataDir, { command: 'seed' });
  const config = loadAppConfig('dev');
  const categories = new Set(config.categories.map((c) => c.id));
  const areas = new Set(config.areas.map((a) => a.id));
  const keys = await TokenKeys.forDataDir(dataDir);
  const tokens = new Map<string, string>();
  const tokenFor = async (by: SampleReport['by']) => {
    let token = tokens.get(by.user);
    if (!token) {
      token = await keys.issueToken({ role: by.role, user: by.user, expiresIn: '1h' });
      tokens.set(by.user, token);
    }
    return token;
  };

  const { start, date } = localDayStart(config.timeZone);
  let created = 0;
  let replayed = 0;
  let withDuplicates = 0;
  const failures: string[] = [];

  for (const [i, sample] of SAMPLES.entries()) {
    if (!categories.has(sample.category) || !areas.has(sample.area)) {
      throw new Error(`Sample ${i} uses a category or area the dev config does not have`);
    }
    const { hoursAgo, by, ...fields } = sample;
    const body = { ...fields, observedAt: new Date(start.getTime() - hoursAgo * 3_600_000).toISOString() };
    const res = await fetch(`${stack.apiUrl}/reports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(by)}`,
        'content-type': 'application/json',
        'idempotency-key': `seed-${date}-${String(i).padStart(2, '0')}`,
      },
      body: JSON.stringify(body),
    }).catch(async (err: unknown) => {
      // The API went away (the stack stopped): one line, not fetch's stack trace.
      if (!isConnectionError(err)) throw err;
      throw new LocalStackError(
        await notRunningMessage(dataDir, 'seed', `the API at ${stack.apiUrl} does not answer`),
      );
    });
    const text = await res.text();
    if (res.status !== 201 && res.status !== 200) {
      let detail = text;
      try {
        const p = JSON.parse(text) as { detail?: string; errors?: { path: string; message: string }[] };
        detail = [p.detail, ...(p.errors ?? []).map((e) => `${e.path}: ${e.message}`)]
          .filter(Boolean)
          .join('; ');
      } catch {}
      failures.push(`#${i} "${sample.title.slice(0, 40)}...": ${res.status} ${detail}`);
      continue;
    }
    if (res.headers.get('idempotent-replayed') === 'true') replayed++;
    else created++;
    try {
      const report = JSON.parse(text) as { possibleDuplicates?: unknown[] };
      if ((report.possibleDuplicates?.length ?? 0) > 0) withDuplicates++;
    } catch {}
  }

  for (const f of failures) console.error(`seed: ${f}`);
  console.log(
    `Seeded ${SAMPLES.length - failures.length}/${SAMPLES.length} reports into ${stack.apiUrl}: ` +
      `${created} new, ${replayed} already there, ${withDuplicates} with possible duplicates` +
      (failures.length > 0 ? `, ${failures.length} failed` : '.'),
  );
  if (failures.length > 0) process.exitCode = 1;
};

main().catch((err: unknown) => {
  console.error(err instanceof LocalStackError ? err.message : err);
  process.exit(1);
});
