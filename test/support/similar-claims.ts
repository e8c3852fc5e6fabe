// Distinct claims for the similarity tests, each with a paraphrase typed
// without diacritics, so that tests sharing a table never find each other's
// reports. Written for this project.
export interface Claim {
  title: string;
  summary: string;
}

export const CLAIMS = {
  bridge: {
    claim: {
      title: 'Kẹt xe kéo dài hơn một giờ trên cầu Sài Gòn sáng nay',
      summary:
        'Người dân phản ánh cầu Sài Gòn kẹt xe kéo dài hơn một giờ vào giờ cao điểm sáng nay, nhiều xe buýt phải dừng giữa cầu và học sinh đi học trễ.',
    },
    paraphrase: {
      title: 'Cau Sai Gon ket xe keo dai hon mot gio sang nay',
      summary:
        'Nguoi dan phan anh cau Sai Gon ket xe keo dai hon mot gio vao gio cao diem sang nay, xe buyt phai dung giua cau, hoc sinh di hoc tre.',
    },
  },
  water: {
    claim: {
      title: 'Tin đồn cắt nước toàn quận Gò Vấp ba ngày',
      summary:
        'Trên mạng lan truyền thông báo cắt nước toàn quận Gò Vấp trong ba ngày từ thứ hai, nhiều hộ dân đổ xô đi mua nước đóng bình.',
    },
    paraphrase: {
      title: 'Tin don cat nuoc toan quan Go Vap ba ngay',
      summary:
        'Tren mang lan truyen thong bao cat nuoc toan quan Go Vap ba ngay tu thu hai, nhieu ho dan do xo di mua nuoc dong binh.',
    },
  },
  school: {
    claim: {
      title: 'Trường tiểu học đóng cửa vì dịch tay chân miệng',
      summary:
        'Phụ huynh chia sẻ tin nhắn nói trường tiểu học Lê Văn Tám đóng cửa một tuần vì dịch tay chân miệng, nhà trường chưa có thông báo chính thức.',
    },
    paraphrase: {
      title: 'Truong tieu hoc dong cua vi dich tay chan mieng',
      summary:
        'Phu huynh chia se tin nhan noi truong tieu hoc Le Van Tam dong cua mot tuan vi dich tay chan mieng, truong chua co thong bao chinh thuc.',
    },
  },
  fire: {
    claim: {
      title: 'Cháy lớn ở chợ Bình Tây tối qua',
      summary:
        'Video lan truyền cho thấy cháy lớn ở khu sạp vải chợ Bình Tây tối qua, khói đen bốc cao, người dân lo tiểu thương mất hàng.',
    },
    paraphrase: {
      title: 'Chay lon o cho Binh Tay toi qua',
      summary:
        'Video lan truyen cho thay chay lon o khu sap vai cho Binh Tay toi qua, khoi den boc cao, nguoi dan lo tieu thuong mat hang.',
    },
  },
  vaccine: {
    claim: {
      title: 'Phòng tiêm vắc xin giả ở phường Tân Định',
      summary:
        'Nhiều bài đăng cảnh báo một phòng khám ở phường Tân Định tiêm vắc xin cúm giả với giá rẻ, đề nghị cơ quan y tế kiểm tra.',
    },
    paraphrase: {
      title: 'Phong tiem vac xin gia o phuong Tan Dinh',
      summary:
        'Nhieu bai dang canh bao mot phong kham o phuong Tan Dinh tiem vac xin cum gia gia re, de nghi co quan y te kiem tra.',
    },
  },
  tree: {
    claim: {
      title: 'Cây xanh bật gốc đè xe máy trên đường Nguyễn Thị Minh Khai',
      summary:
        'Sau cơn mưa chiều nay một cây xanh lớn bật gốc đè hai xe máy trên đường Nguyễn Thị Minh Khai, giao thông ùn tắc kéo dài.',
    },
    paraphrase: {
      title: 'Cay xanh bat goc de xe may tren duong Nguyen Thi Minh Khai',
      summary:
        'Sau con mua chieu nay cay xanh lon bat goc de hai xe may tren duong Nguyen Thi Minh Khai, giao thong un tac keo dai.',
    },
  },
  power: {
    claim: {
      title: 'Tin giá điện tăng gấp đôi từ tháng sau',
      summary:
        'Một trang mạng đăng tin giá điện sinh hoạt sẽ tăng gấp đôi từ tháng sau, nhiều người chia sẻ kèm bảng giá không rõ nguồn.',
    },
    paraphrase: {
      title: 'Tin gia dien tang gap doi tu thang sau',
      summary:
        'Mot trang mang dang tin gia dien sinh hoat se tang gap doi tu thang sau, nhieu nguoi chia se kem bang gia khong ro nguon.',
    },
  },
  scam: {
    claim: {
      title: 'Tin nhắn lừa đảo nộp phạt nguội giao thông',
      summary:
        'Người dân nhận tin nhắn giả danh cảnh sát giao thông yêu cầu nộp phạt nguội qua đường dẫn lạ, nhiều người đã mất tiền.',
    },
    paraphrase: {
      title: 'Tin nhan lua dao nop phat nguoi giao thong',
      summary:
        'Nguoi dan nhan tin nhan gia danh canh sat giao thong yeu cau nop phat nguoi qua duong dan la, nhieu nguoi da mat tien.',
    },
  },
  landslide: {
    claim: {
      title: 'Sạt lở bờ kênh Thanh Đa, nhà dân nứt tường',
      summary:
        'Bờ kênh Thanh Đa sạt lở một đoạn dài khoảng hai mươi mét trong đêm, nhiều nhà dân ven kênh bị nứt tường phải di dời.',
    },
    paraphrase: {
      title: 'Sat lo bo kenh Thanh Da, nha dan nut tuong',
      summary:
        'Bo kenh Thanh Da sat lo mot doan dai khoang hai muoi met trong dem, nhieu nha dan ven kenh bi nut tuong phai di doi.',
    },
  },
  bus: {
    claim: {
      title: 'Tuyến xe buýt số 19 ngừng chạy từ tuần sau',
      summary:
        'Hành khách truyền tai nhau tuyến xe buýt số 19 từ Bến Thành đi Đại học Quốc gia sẽ ngừng chạy từ tuần sau vì thiếu kinh phí.',
    },
    paraphrase: {
      title: 'Tuyen xe buyt so 19 ngung chay tu tuan sau',
      summary:
        'Hanh khach truyen tai nhau tuyen xe buyt so 19 tu Ben Thanh di Dai hoc Quoc gia se ngung chay tu tuan sau vi thieu kinh phi.',
    },
  },
  dog: {
    claim: {
      title: 'Chó thả rông cắn trẻ em ở công viên Gia Định',
      summary:
        'Phụ huynh phản ánh một con chó thả rông cắn hai trẻ em đang chơi ở công viên Gia Định chiều chủ nhật, chưa ai xử lý.',
    },
    paraphrase: {
      title: 'Cho tha rong can tre em o cong vien Gia Dinh',
      summary:
        'Phu huynh phan anh con cho tha rong can hai tre em dang choi o cong vien Gia Dinh chieu chu nhat, chua ai xu ly.',
    },
  },
  noise: {
    claim: {
      title: 'Quán karaoke hát xuyên đêm ở hẻm 51',
      summary:
        'Cư dân hẻm 51 đường Phan Văn Trị phản ánh quán karaoke hát xuyên đêm, gọi đường dây nóng nhiều lần nhưng vẫn tiếp diễn.',
    },
    paraphrase: {
      title: 'Quan karaoke hat xuyen dem o hem 51',
      summary:
        'Cu dan hem 51 duong Phan Van Tri phan anh quan karaoke hat xuyen dem, goi duong day nong nhieu lan nhung van tiep dien.',
    },
  },
} satisfies Record<string, { claim: Claim; paraphrase: Claim }>;

/** Unrelated to every claim above. */
export const UNRELATED: Claim = {
  title: 'Rác thải ùn ứ ở chợ Bà Chiểu ba ngày liền',
  summary: 'Tiểu thương phản ánh rác không được thu gom, mùi hôi bốc lên cả khu chợ.',
};

const LETTERS = 'abcdeghiklmnopqrstuvxy';

/**
 * A title and summary of pseudo-random made-up words, different for every
 * `seed`: a report that no other report is similar to. The words are drawn
 * from 22^6 letter strings, so two texts share almost none of them (a word in
 * common is what the band keys, one MinHash row per band, match on), and no
 * fixed lead word such as "Phản ánh" is shared by all of them.
 */
export const distinctText = (seed: number): Claim => {
  let x = (seed * 2654435761 + 12345) >>> 0;
  const word = () => {
    let w = '';
    for (let i = 0; i < 6; i++) {
      x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
      w += LETTERS[(x >>> 8) % LETTERS.length];
    }
    return w;
  };
  const words = (k: number) => Array.from({ length: k }, word).join(' ');
  return { title: words(8), summary: `${words(30)}.` };
};
