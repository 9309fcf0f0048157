package corpus

// The sentence banks. Every string is a template (see text): {a|b} picks an
// alternative, {name} substitutes a variable. The fixed variables of a
// story are set in story.setVars; the dynamic ones are in text.dynamic.

// A kindSpec describes one model type (kind) and the words that go with it.
type kindSpec struct {
	name      string   // the kind value, as in front matter
	lower     string   // the kind inside a sentence ("camera an ninh")
	stem      string   // the start of the slug ("Camera an ninh")
	thing     string   // the model's main device or activity, template
	group     string   // the group that runs it, template
	org       string   // the collective of an exemplar, template, followed by the hamlet
	weight    int      // relative frequency
	industry  bool     // set in an industrial zone, not a village
	fields    []string // preferred fields (names in data/linh-vuc.yaml)
	provinces []string // if set, the only provinces where it is found
	tags      []string
	crimes    []string // typical main crime; empty means the generic list
	context   []string // Bối cảnh sentences
	howto     []string // Cách làm sentences
	results   [][2]string
	titles    []string
	actions   []string // what people did, for summaries
}

// A bank holds the read-only word lists and sentence templates.
type bank struct {
	kinds         []kindSpec
	genericCrimes []string
	crimes        []string
	vices         []string
	partners      []string
	channels      []string
	roles         []string
	surnames      []string
	maleMiddle    []string
	maleGiven     []string
	femaleMiddle  []string
	femaleGiven   []string
	// Names in the northern mountains (Mông, Thái) and the Central
	// Highlands (Ê Đê, Jrai).
	mongSurnames, mongGiven, thaiSurnames []string
	highlandSurnames, highlandGiven       []string
	// Words of local life, drawn afresh at each use ({job}, {stolen}...).
	jobs, stolen, landmarks, festivals, seasons []string
	// Ethnic groups by region ({ethnic} is fixed per story).
	ethnicNorth, ethnicHighlands, ethnicSouth, ethnicCentral, ethnicOther []string
	central                                                               []string // provinces of the central coast with upland communes
	// Syllables of invented commune and ward names.
	nameSyllables []string
	// Spellable syllables, for names in minority languages.
	syllables []string
	// Syllables of invented hamlet names in the northern mountains (bản)
	// and the Central Highlands (buôn, làng, plei).
	banFirst   []string
	banSecond  []string
	buonFirst  []string
	buonSecond []string
	// Regions decide the words for hamlets.
	mountainNorth []string
	highlands     []string
	south         []string
	cities        []string
	// Bối cảnh.
	contextBank []string
	// Cách làm.
	howtoBank []string
	// Numbered steps.
	stepBank []string
	// Subheadings of Cách làm.
	howtoHeadings []string
	// Kết quả.
	resultBank []string
	// Opening sentences of the Kết quả table and list.
	tableIntro []string
	listIntro  []string
	// Quotes of residents.
	quoteBank []string
	quoteTail []string
	// A lesson has a bold lead and its explanation.
	lessonBank  [][2]string
	lessonIntro []string
	lessonClose []string
	// Sentences that link to another model.
	linkBank []string
	// Exemplars.
	awards               []string
	heroRoles            []string
	exemplarTitlesPerson []string
	exemplarTitlesGroup  []string
	exemplarPersonBank   []string
	exemplarGroupBank    []string
	exemplarAwardBank    []string
	exemplarModelBank    []string
	// News.
	newsTitles   []string
	scams        []string
	newsHeadings []string
	newsLead     []string
	newsBank     []string
}

// newBank returns the sentence banks. They are built per Generate call, not
// kept in package variables, so nothing global can be changed.
func newBank() *bank {
	return &bank{
		syllables: syllables(),
		kinds: []kindSpec{
			{
				name: "Khu dân cư an toàn về an ninh trật tự", org: "Ban công tác Mặt trận", lower: "khu dân cư an toàn về an ninh trật tự",
				stem: "Khu dân cư an toàn", thing: "khu dân cư an toàn", group: "ban vận động khu dân cư", weight: 10,
				fields: []string{"Phòng, chống tội phạm", "Phòng, chống tệ nạn xã hội", "Hòa giải mâu thuẫn"},
				tags:   []string{"khu dân cư an toàn", "tự quản", "hương ước", "tổ liên gia", "nông thôn mới"},
				context: []string{
					"Phong trào xây dựng khu dân cư an toàn về an ninh, trật tự được phát động từ lâu, nhưng ở {hamlet} có thời gian {chỉ dừng lại ở hình thức|chưa thu hút được người dân tham gia}.",
					"{Hamlet} từng {nhiều năm không đạt|bị loại khỏi danh sách} khu dân cư an toàn vì {để xảy ra {crimeMain}|còn tụ điểm {vice}}.",
				},
				howto: []string{
					"{Hamlet} được chia thành {n10} tổ liên gia tự quản, mỗi tổ từ 10 đến 20 hộ, tổ trưởng là người sống lâu năm, có uy tín.",
					"Mỗi tổ liên gia nắm chắc {người tạm trú|người đi làm ăn xa|người có biểu hiện nghi vấn} và là người đầu tiên có mặt khi trong tổ có chuyện xích mích.",
					"Bộ tiêu chí khu dân cư an toàn gồm {n2} nội dung: không có tội phạm nghiêm trọng, không có tụ điểm tệ nạn, không có đơn thư vượt cấp, không để xảy ra cháy nổ lớn.",
					"Các hộ {cùng nhau|thay phiên} thắp sáng đường làng, mỗi nhà một bóng đèn trước cổng, {xóa những điểm tối|để kẻ gian không còn chỗ ẩn nấp}.",
					"Phong trào {nhà nào trông nhà nấy, ngõ nào giữ ngõ nấy|ngõ xóm bình yên|mỗi hộ một tai mắt} được phát động và {duy trì đều đặn|đưa vào hương ước}.",
					"Mỗi quý, ban nhân dân {hamletType} tự chấm điểm theo bộ tiêu chí, {công khai kết quả trước dân|chỉ ra những việc chưa làm được để khắc phục}.",
				},
				results: [][2]string{{"Vụ phạm pháp hình sự", "giảm {pct}% so với năm {yb}"}, {"Hộ ký cam kết", "{n100}"}, {"Tổ liên gia tự quản", "{n10}"}},
				titles: []string{
					"{Hamlet}: từ điểm nóng {crimeMain} thành khu dân cư an toàn",
					"Khu dân cư an toàn ở {hamlet}, {province}",
					"Xây dựng khu dân cư an toàn về an ninh trật tự ở {place}",
					"{Hamlet} giữ bình yên nhờ mô hình khu dân cư an toàn",
				},
				actions: []string{
					"chia thành tổ liên gia tự quản, thắp sáng đường làng và cùng ký cam kết giữ gìn an ninh, trật tự",
					"đưa việc giữ gìn an ninh, trật tự vào hương ước và tự chấm điểm khu dân cư an toàn mỗi quý",
				},
			},
			{
				name: "Dòng họ tự quản về an ninh trật tự", org: "Hội đồng gia tộc họ {surname}", lower: "dòng họ tự quản về an ninh trật tự",
				stem: "Dòng họ tự quản", thing: "tộc ước", group: "hội đồng gia tộc", weight: 8,
				fields: []string{"Hòa giải mâu thuẫn", "Phòng, chống tệ nạn xã hội", "Giáo dục, giúp đỡ người lầm lỗi", "Phòng, chống bạo lực gia đình"},
				tags:   []string{"dòng họ", "tộc ước", "hòa giải", "gia phong", "hương ước"},
				context: []string{
					"{Hamlet} có {n2} dòng họ lớn, {con cháu đông, sống quần tụ|nhà thờ họ là nơi bà con tề tựu mỗi dịp giỗ tổ}, nên tiếng nói của trưởng họ có sức nặng.",
					"Có dòng họ {có con cháu sa vào {vice}|để xảy ra xô xát vì tranh chấp đất đai}, khiến các bậc cao niên {trăn trở|không yên lòng}.",
				},
				howto: []string{
					"Hội đồng gia tộc của {n2} dòng họ lớn trong {hamlet} {cùng ký giao ước thi đua|thống nhất đưa nội dung giữ gìn an ninh, trật tự vào tộc ước}.",
					"Trưởng họ {nhắc nhở|đôn đốc} con cháu trong các dịp giỗ tổ, họp họ đầu xuân, {khen những người chấp hành tốt|phê bình trước họ những trường hợp vi phạm}.",
					"Dòng họ lập quỹ khuyến học, {thưởng cho con cháu học giỏi|hỗ trợ con cháu có hoàn cảnh khó khăn}, {đồng thời|và} {nhắc con cháu tránh xa {vice}|gắn việc nhận thưởng với cam kết không vi phạm pháp luật}.",
					"Khi trong họ có mâu thuẫn, trưởng họ và các bậc cao niên {đứng ra hòa giải|ngồi lại phân tích phải trái}, {không để kéo dài|nên hầu hết đều êm thấm}.",
					"Con cháu {từng lầm lỗi|mới ra tù} được dòng họ {đón nhận|giao cho người có uy tín kèm cặp}, {giúp vốn làm ăn|tạo việc làm} để sớm ổn định cuộc sống.",
					"Tộc ước được {viết lại ngắn gọn|in thành bảng treo ở nhà thờ họ}, {ai cũng đọc được|mỗi gia đình giữ một bản}.",
				},
				results: [][2]string{{"Dòng họ ký cam kết", "{n10}"}, {"Mâu thuẫn được hòa giải thành", "{n10}"}, {"Con cháu vi phạm pháp luật", "giảm {pct}%"}},
				titles: []string{
					"Dòng họ tự quản giữ gìn gia phong ở {hamlet}",
					"Tộc ước giữ bình yên cho {hamlet}, {province}",
					"Dòng họ tự quản về an ninh trật tự ở {place}",
				},
				actions: []string{
					"đưa việc giữ gìn an ninh, trật tự vào tộc ước, trưởng họ trực tiếp nhắc nhở, hòa giải cho con cháu",
					"để các dòng họ ký giao ước thi đua, lập quỹ khuyến học và kèm cặp con cháu lầm lỗi",
				},
			},
			{
				name: "Zalo phòng, chống tội phạm", org: "Nhóm Zalo an ninh", lower: "Zalo phòng, chống tội phạm",
				stem: "Zalo phòng, chống tội phạm", thing: "nhóm Zalo", group: "nhóm quản trị Zalo", weight: 10,
				fields: []string{"Phòng, chống tội phạm", "Trật tự, an toàn giao thông", "Phòng, chống tệ nạn xã hội"},
				tags:   []string{"Zalo", "chuyển đổi số", "tin báo tội phạm", "lừa đảo qua mạng"},
				crimes: []string{"lừa đảo qua mạng", "trộm cắp tài sản", "trộm xe máy"},
				context: []string{
					"Phần lớn các hộ ở {place} đã dùng điện thoại thông minh, nhưng {tin báo về công an vẫn chậm|người dân chưa biết báo tin cho ai}.",
					"Các vụ lừa đảo qua mạng {tăng nhanh|nhắm vào người cao tuổi}, có người {bị chiếm đoạt hàng trăm triệu đồng|mất cả tiền dành dụm}.",
				},
				howto: []string{
					"Mỗi {hamletType} lập một nhóm Zalo gồm đại diện các hộ, {cảnh sát khu vực|cán bộ công an} làm quản trị viên, {trưởng {hamletType}|tổ trưởng} làm phó nhóm.",
					"Nhóm có nội quy rõ ràng: chỉ đăng tin về an ninh, trật tự, {không quảng cáo, không bàn chuyện riêng|không đăng hình ảnh bêu riếu người khác|không chia sẻ tin chưa được kiểm chứng}.",
					"Người dân có thể gửi tin báo, hình ảnh, video về {người lạ|phương tiện nghi vấn|vụ việc} vào nhóm hoặc nhắn riêng cho quản trị viên nếu cần giữ bí mật.",
					"{Police} thường xuyên đăng cảnh báo về {các thủ đoạn lừa đảo qua mạng|phương thức mới của tội phạm|tình hình an ninh, trật tự trong tuần}, kèm hướng dẫn cách phòng tránh.",
					"Tin báo qua nhóm được quản trị viên phản hồi {trong vòng 15 phút|ngay trong ngày}, {kết quả xử lý được thông báo lại cho người báo tin|tránh để người dân chờ đợi}.",
					"Đoàn viên thanh niên {hướng dẫn|giúp} người cao tuổi cài đặt Zalo, tham gia nhóm và {cách gửi vị trí, hình ảnh|cách nhận biết tin giả}.",
				},
				results: [][2]string{{"Thành viên nhóm Zalo", "{n1000}"}, {"Tin báo tiếp nhận qua Zalo", "{n100}"}, {"Vụ lừa đảo được ngăn chặn", "{n10}"}},
				titles: []string{
					"Nhóm Zalo phòng, chống tội phạm kết nối người dân {place} với công an",
					"Zalo phòng, chống tội phạm ở {place}, {province}",
					"{Place} giữ bình yên bằng chiếc điện thoại thông minh",
				},
				actions: []string{
					"lập nhóm Zalo theo từng {hamletType}, có cảnh sát khu vực làm quản trị viên để báo tin và nhận cảnh báo",
					"báo tin về người lạ, vụ việc qua nhóm Zalo phòng, chống tội phạm và được công an phản hồi ngay",
				},
			},
			{
				name: "Camera an ninh", org: "Tổ quản lý camera", lower: "camera an ninh",
				stem: "Camera an ninh", thing: "camera", group: "tổ quản lý camera", weight: 10,
				fields: []string{"Phòng, chống tội phạm", "Trật tự, an toàn giao thông"},
				tags:   []string{"camera", "chuyển đổi số", "tổ dân phố", "xã hội hóa"},
				crimes: []string{"trộm cắp tài sản", "trộm xe máy", "cướp giật tài sản"},
				context: []string{
					"Nhiều vụ trộm {rất khó truy vết vì không có nhân chứng|xảy ra vào lúc cả nhà đi vắng}, {người bị hại chỉ biết trình báo rồi chờ|công an mất nhiều ngày xác minh}.",
					"Tại một buổi họp {hamletType}, vài hộ đề xuất: nếu mỗi ngõ có vài mắt camera nhìn ra lối đi chung, kẻ gian sẽ phải chùn tay.",
				},
				howto: []string{
					"Mỗi {hamletType} khảo sát {các ngã ba, ngã tư|đầu ngõ, bãi để xe chung|bến đò, đầu cầu} để chọn điểm lắp camera hướng ra khu vực công cộng.",
					"Bình quân mỗi mắt camera kèm đầu ghi, thẻ nhớ có giá {price}, {do các hộ tự nguyện đóng góp|do doanh nghiệp tài trợ một phần}.",
					"Hình ảnh được lưu tối thiểu {n10} ngày và kết nối về điện thoại của {trưởng {hamletType}|cảnh sát khu vực|công an viên}, {chỉ trích xuất khi có vụ việc|có biên bản khi trích xuất}.",
					"Quy ước ghi rõ không lắp camera nhìn vào trong nhà người khác, không đăng hình ảnh lên mạng xã hội để bêu riếu.",
					"Đoàn viên thanh niên am hiểu kỹ thuật giúp bà con cài đặt, {kiểm tra định kỳ mỗi quý|sửa những mắt camera hỏng}.",
					"Nhiều hộ kinh doanh lắp camera trước cửa rồi {xoay một mắt ra lối đi chung|chia sẻ hình ảnh cho tổ quản lý camera}.",
				},
				results: [][2]string{{"Camera đã lắp", "{n100}"}, {"Vụ việc được làm rõ nhờ dữ liệu camera", "{n10}"}, {"Vụ trộm cắp tài sản", "giảm {pct}% so với năm {yb}"}},
				titles: []string{
					"Camera an ninh giúp {place} vắng bóng trộm cắp",
					"Mắt thần camera giữ bình yên cho {hamlet}",
					"Camera an ninh ở {place}, {province}",
				},
				actions: []string{
					"góp tiền lắp camera hướng ra đường, ngõ, kết nối hình ảnh với công an",
					"cùng lắp camera ở các ngã ba, đầu ngõ và chia sẻ hình ảnh khi có vụ việc",
				},
			},
			{
				name: "Còi báo động an ninh", org: "Cụm liên gia tự quản", lower: "còi báo động an ninh",
				stem: "Còi báo động", thing: "còi báo động", group: "cụm liên gia", weight: 7,
				fields: []string{"Phòng, chống tội phạm", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
				tags:   []string{"còi báo động", "liên gia", "nông thôn", "trộm chó"},
				crimes: []string{"trộm gia súc, gia cầm", "trộm cắp tài sản", "trộm chó"},
				context: []string{
					"Nhà cửa ở {hamlet} {cách xa nhau|nằm rải rác giữa vườn cây}, khi có trộm {có hô hoán thì hàng xóm cũng không nghe thấy|kẻ gian dễ dàng tẩu thoát}.",
					"Nạn trộm chó, trộm gà vịt {diễn ra gần như hằng tuần|khiến bà con bức xúc}, {có hộ mất cả đàn vịt chỉ trong một đêm|nhiều người phải thức canh}.",
				},
				howto: []string{
					"Các hộ liền kề được chia thành cụm từ 5 đến 10 nhà, mỗi nhà lắp một nút bấm nối với {một|hai} chiếc còi chung.",
					"Mỗi bộ còi không dây có giá khoảng {price}, {các hộ tự mua|hội phụ nữ hỗ trợ các hộ khó khăn}.",
					"Khi có trộm, cháy hoặc người ốm cần cấp cứu, chỉ cần bấm nút là cả cụm cùng nghe, {các hộ lân cận|thành viên tổ an ninh} lập tức có mặt.",
					"Quy ước của cụm ghi rõ {không bấm còi đùa nghịch|mỗi tháng thử còi một lần vào buổi sáng chủ nhật}, để bà con quen âm thanh báo động.",
					"Trộm chó, trộm gia cầm {là nỗi lo của nhiều hộ|từng khiến bà con bức xúc}, nay kẻ gian nghe còi là {bỏ chạy|phải bỏ lại tang vật}.",
				},
				results: [][2]string{{"Bộ còi đã lắp", "{n100}"}, {"Lần còi phát huy tác dụng", "{n10}"}, {"Vụ trộm gia súc, gia cầm", "giảm {pct}%"}},
				titles: []string{
					"Còi báo động liên gia giúp {hamlet} xua đuổi kẻ trộm",
					"Tiếng còi an ninh ở {place}, {province}",
					"Còi báo động an ninh: cách làm ít tốn kém ở {place}",
				},
				actions: []string{
					"lắp còi báo động nối liên gia, một nhà bấm nút là cả cụm cùng nghe",
					"tự mua còi báo động không dây, chia cụm liên gia để hỗ trợ nhau khi có trộm, cháy",
				},
			},
			{
				name: "Tiếng kẻng an ninh", org: "Tổ an ninh", lower: "tiếng kẻng an ninh",
				stem: "Tiếng kẻng an ninh", thing: "tiếng kẻng", group: "tổ an ninh", weight: 7,
				fields: []string{"Phòng, chống tội phạm", "An ninh dân tộc", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
				tags:   []string{"tiếng kẻng", "người có uy tín", "vùng cao", "già làng"},
				crimes: []string{"trộm gia súc, gia cầm", "trộm cắp tài sản", "mua bán người"},
				context: []string{
					"{Hamlet} {nằm trên sườn núi|cách trung tâm xã hàng chục cây số}, sóng điện thoại chập chờn, {nhà cách nhà cả đồi nương|đường sá đi lại khó khăn}.",
					"Ngày trước, tiếng kẻng {gọi bà con đi làm hợp tác xã|báo tin có lũ}, nhưng rồi {bị bỏ quên|chỉ còn treo làm kỷ niệm}.",
				},
				howto: []string{
					"Mỗi {hamletType} treo một chiếc kẻng ở {nhà văn hóa|giữa {hamletType}|gốc cây cổ thụ đầu {hamletType}}, {làm từ vỏ bom cũ|làm từ đoạn sắt ray}.",
					"Bà con thống nhất quy ước tiếng kẻng: {ba tiếng một là có trộm|đánh dồn dập là có cháy}, {đánh chậm từng tiếng là họp {hamletType}|hai tiếng một là có người bị nạn}.",
					"Khi nghe kẻng, {thanh niên|các thành viên tổ an ninh} mang đèn pin, gậy {đến ngay điểm báo|chặn các ngả đường}, {người già, trẻ em ở trong nhà|phụ nữ gọi điện báo công an xã}.",
					"Già làng, trưởng {hamletType} {được giao giữ kẻng|phụ trách việc đánh kẻng}, {nhắc lại quy ước trong các buổi họp|dạy con cháu nhớ các hiệu kẻng}.",
					"Ở nơi sóng điện thoại chập chờn, tiếng kẻng {vẫn là cách báo tin nhanh nhất|vang xa cả cây số}, {không tốn tiền|dễ nhớ với người già}.",
				},
				results: [][2]string{{"Lần đánh kẻng báo động", "{n10}"}, {"Vụ trộm gia súc", "giảm {pct}%"}, {"Hộ tham gia", "{n100}"}},
				titles: []string{
					"Tiếng kẻng an ninh vang lại ở {hamlet}",
					"Tiếng kẻng giữ bình yên cho {hamlet}, {province}",
					"Tiếng kẻng an ninh ở {place}",
				},
				actions: []string{
					"khôi phục tiếng kẻng an ninh với quy ước hiệu kẻng riêng cho trộm, cháy và người bị nạn",
					"dùng tiếng kẻng để báo động khi có trộm, cháy, cả {hamletType} cùng ra hỗ trợ",
				},
			},
			{
				name: "Tuần tra phòng, chống tội phạm", org: "Tổ tuần tra nhân dân", lower: "tuần tra phòng, chống tội phạm",
				stem: "Tuần tra nhân dân", thing: "ca tuần tra", group: "tổ tuần tra nhân dân", weight: 9,
				fields: []string{"Phòng, chống tội phạm", "Trật tự, an toàn giao thông", "Phòng, chống tệ nạn xã hội"},
				tags:   []string{"tuần tra", "thanh niên", "dân quân", "ban đêm"},
				context: []string{
					"Các tuyến đường liên {hamletType} {vắng vẻ, thiếu đèn chiếu sáng|chạy qua cánh đồng và bãi sông}, về đêm {kẻ gian thường lợi dụng để trộm cắp|thanh niên hay tụ tập đua xe}.",
					"Lực lượng công an xã {mỏng|chỉ có vài người}, không thể có mặt ở khắp nơi vào ban đêm.",
				},
				howto: []string{
					"{Group} gồm {dân quân, đoàn viên thanh niên và cựu chiến binh|thành viên bảo vệ an ninh, trật tự ở cơ sở và người dân tình nguyện}, chia thành {n2} nhóm thay phiên đi tuần.",
					"Lịch tuần được lập theo {tuần|tháng}, tập trung vào khung giờ {hour} giờ đến 4 giờ sáng, {nhất là dịp mùa vụ|nhất là các tuyến đường vắng, khu vực giáp ranh}.",
					"Mỗi ca có {n2} người, được trang bị {đèn pin, gậy cao su, áo phản quang|bộ đàm và điện thoại}, {đi xe máy theo các tuyến đã định|kiểm tra các điểm tối, vắng}.",
					"Khi phát hiện {người lạ, xe lạ|thanh niên tụ tập}, tổ {nhắc nhở, hỏi han|ghi lại biển số} và báo ngay cho công an xã để xác minh.",
					"Tiền xăng và bồi dưỡng cho người đi tuần {được trích từ quỹ an ninh|do các hộ đóng góp khoảng {price} mỗi năm}.",
				},
				results: [][2]string{{"Ca tuần tra", "{n1000}"}, {"Đối tượng nghi vấn bị phát hiện", "{n10}"}, {"Vụ trộm cắp", "giảm {pct}% so với năm {yb}"}},
				titles: []string{
					"Tổ tuần tra nhân dân thức cho {hamlet} ngủ yên",
					"Tuần tra ban đêm giữ bình yên cho {place}",
					"Tuần tra phòng, chống tội phạm ở {place}, {province}",
				},
				actions: []string{
					"lập tổ tuần tra nhân dân thay phiên đi tuần ban đêm trên các tuyến đường vắng",
					"cùng dân quân, thanh niên đi tuần mỗi đêm, phát hiện người lạ là báo ngay công an xã",
				},
			},
			{
				name: "Tổ an ninh công nhân", org: "Tổ an ninh công nhân", lower: "tổ an ninh công nhân",
				stem: "Tổ an ninh công nhân", thing: "tổ an ninh công nhân", group: "tổ an ninh công nhân", weight: 7, industry: true,
				fields: []string{"Phòng, chống tội phạm", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Hòa giải mâu thuẫn", "Vệ sinh an toàn thực phẩm"},
				tags:   []string{"công nhân", "khu công nghiệp", "nhà trọ", "doanh nghiệp"},
				crimes: []string{"trộm cắp tài sản", "cố ý gây thương tích", "lừa đảo chiếm đoạt tài sản"},
				context: []string{
					"{Hamlet} có hàng chục doanh nghiệp với {n1000} công nhân, phần lớn từ tỉnh khác đến, {thuê trọ quanh khu công nghiệp|làm việc theo ba ca}.",
					"Trong nhà xưởng {thường mất vật tư, dụng cụ|có lúc xảy ra xô xát giữa công nhân}, còn ở các dãy trọ thì {trộm xe máy, điện thoại|tín dụng đen} khiến nhiều người lo lắng.",
				},
				howto: []string{
					"Mỗi doanh nghiệp lập một tổ an ninh công nhân từ {n10} thành viên, {do công đoàn đề xuất|có sự tham gia của bộ phận bảo vệ}, được công an hướng dẫn nghiệp vụ.",
					"Tổ nắm tình hình trong các ca làm việc, {phát hiện sớm mâu thuẫn giữa công nhân|nhắc nhở việc bảo quản tài sản, vật tư}, báo ngay cho ban giám đốc và công an.",
					"Ngoài giờ làm, tổ phối hợp với chủ nhà trọ {kiểm tra phòng cháy, chữa cháy|nhắc công nhân không sạc xe điện qua đêm|vận động công nhân khai báo tạm trú}.",
					"Tổ tuyên truyền cho công nhân về {thủ đoạn lừa đảo tuyển dụng|tác hại của tín dụng đen|phòng, chống ma túy} {qua bảng tin công ty|trong giờ giao ca}.",
					"Các vụ xích mích giữa công nhân {được tổ hòa giải ngay|không để kéo dài thành xô xát}, {nhiều vụ chỉ cần một buổi nói chuyện|các bên đều thấy thỏa đáng}.",
				},
				results: [][2]string{{"Thành viên tổ an ninh", "{n10}"}, {"Vụ mất cắp trong doanh nghiệp", "giảm {pct}%"}, {"Mâu thuẫn được hòa giải", "{n10}"}},
				titles: []string{
					"Tổ an ninh công nhân giữ bình yên {hamlet}",
					"Tổ an ninh công nhân ở {hamlet}, {province}",
					"Công nhân tự giữ an ninh ở {hamlet}",
				},
				actions: []string{
					"lập tổ an ninh công nhân trong từng doanh nghiệp, phối hợp với chủ nhà trọ và công an",
					"để chính công nhân nắm tình hình, hòa giải xích mích và nhắc nhau phòng cháy ở khu trọ",
				},
			},
			{
				name: "Tổ liên gia an toàn phòng cháy, chữa cháy", org: "Tổ liên gia an toàn phòng cháy, chữa cháy", lower: "tổ liên gia an toàn phòng cháy, chữa cháy",
				stem: "Liên gia an toàn phòng cháy", thing: "bình chữa cháy", group: "tổ liên gia", weight: 4,
				fields: []string{"Phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
				tags:   []string{"phòng cháy chữa cháy", "liên gia", "bình chữa cháy"},
				crimes: []string{"cháy nổ", "cháy nhà dân"},
				context: []string{
					"Nhiều nhà {ở kết hợp kinh doanh|là nhà ống, lồng sắt bít kín}, {ngõ nhỏ, xe chữa cháy khó vào|hay sạc xe điện qua đêm}, nguy cơ cháy nổ rất cao.",
				},
				howto: []string{
					"Mỗi tổ liên gia gồm 5 đến 10 hộ liền kề, {cùng mua|được hỗ trợ} bình chữa cháy đặt ở {vị trí dễ lấy|đầu ngõ}, {mỗi hộ có ít nhất một người biết sử dụng|tổ trưởng kiểm tra định kỳ}.",
					"{Police} tập huấn cách {dùng bình chữa cháy|thoát nạn khi có cháy|sơ cứu người bị bỏng} và tổ chức diễn tập {hằng năm|mỗi quý}.",
					"Các hộ {kinh doanh|có nhà ống} được vận động {mở lối thoát nạn thứ hai|không lắp lồng sắt bít kín|không để xe điện sạc qua đêm trong nhà}.",
					"Khi có cháy, hộ phát hiện {hô hoán|bấm chuông} và gọi 114, các hộ trong tổ mang bình đến dập lửa ban đầu trong lúc chờ lực lượng chữa cháy.",
				},
				results: [][2]string{{"Bình chữa cháy trang bị", "{n100}"}, {"Vụ cháy được dập tắt ban đầu", "{n10}"}, {"Người được tập huấn", "{n100}"}},
				titles: []string{
					"Tổ liên gia an toàn phòng cháy ở {place}",
					"Liên gia an toàn phòng cháy, chữa cháy giữ bình yên {hamlet}",
				},
				actions: []string{
					"chia tổ liên gia, cùng mua bình chữa cháy và tập dập lửa ban đầu",
				},
			},
			{
				name: "Điểm chữa cháy công cộng", org: "Tổ chữa cháy tại chỗ", lower: "điểm chữa cháy công cộng",
				stem: "Điểm chữa cháy công cộng", thing: "điểm chữa cháy công cộng", group: "tổ chữa cháy tại chỗ", weight: 3,
				fields: []string{"Phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
				tags:   []string{"phòng cháy chữa cháy", "ngõ nhỏ", "đô thị"},
				crimes: []string{"cháy nổ", "cháy nhà dân"},
				context: []string{
					"Nhiều ngõ ở {place} chỉ rộng hơn một mét, {xe chữa cháy không vào được|vòi chữa cháy phải kéo cả trăm mét}, mỗi vụ cháy đều là nỗi ám ảnh.",
				},
				howto: []string{
					"Điểm chữa cháy công cộng được đặt ở {đầu ngõ|nơi xe chữa cháy khó vào}, gồm {bình bột, bình khí|búa, xà beng, thang dây}, {vòi nước và chăn chiên|biển chỉ dẫn}.",
					"Các hộ {góp mỗi nhà {price}|được doanh nghiệp hỗ trợ} để mua sắm phương tiện, {tủ được khóa bằng khóa số, ai cũng biết mã|chìa khóa giao cho {n2} hộ gần nhất}.",
					"Tổ chữa cháy tại chỗ {được tập huấn|thực tập} cách xử lý {đám cháy ban đầu|sự cố chập điện, rò rỉ gas} trước khi lực lượng chuyên nghiệp đến.",
				},
				results: [][2]string{{"Điểm chữa cháy đã lắp", "{n10}"}, {"Vụ cháy được khống chế ban đầu", "{n2}"}, {"Hộ hưởng lợi", "{n100}"}},
				titles: []string{
					"Điểm chữa cháy công cộng trong ngõ nhỏ ở {place}",
					"Điểm chữa cháy công cộng ở {place}, {province}",
				},
				actions: []string{
					"góp tiền lắp điểm chữa cháy công cộng ở đầu ngõ và lập tổ chữa cháy tại chỗ",
				},
			},
			{
				name: "Tổ hòa giải ở cơ sở", org: "Tổ hòa giải", lower: "tổ hòa giải ở cơ sở",
				stem: "Tổ hòa giải", thing: "buổi hòa giải", group: "tổ hòa giải", weight: 5,
				fields: []string{"Hòa giải mâu thuẫn", "Phòng, chống bạo lực gia đình"},
				tags:   []string{"hòa giải", "mâu thuẫn", "tình làng nghĩa xóm"},
				crimes: []string{"cố ý gây thương tích", "gây rối trật tự công cộng"},
				context: []string{
					"Những mâu thuẫn {về lối đi, ranh giới đất|giữa hàng xóm|trong gia đình} ở {hamlet} {từng kéo dài hàng chục năm|nhiều lần dẫn đến xô xát}.",
				},
				howto: []string{
					"Tổ hòa giải gồm {trưởng {hamletType}|chi hội trưởng phụ nữ|cựu chiến binh|người có uy tín}, {được tập huấn kiến thức pháp luật|được hỗ trợ thù lao theo vụ việc}.",
					"Khi nhận tin có mâu thuẫn, tổ {đến tận nhà|mời các bên đến nhà văn hóa}, {nghe từng bên trình bày|giải thích quy định pháp luật}, {tìm điểm chung|giúp các bên tự thỏa thuận}.",
					"Các vụ {tranh chấp đất đai, lối đi|mâu thuẫn vợ chồng|va chạm giữa hàng xóm} được hòa giải {sớm, ngay từ khi mới phát sinh|kiên trì qua nhiều buổi}.",
					"Kết quả hòa giải thành được lập biên bản, {tổ theo dõi việc thực hiện|nếu cần thì đề nghị công nhận tại tòa án}.",
				},
				results: [][2]string{{"Vụ việc được hòa giải thành", "{n10}"}, {"Tỷ lệ hòa giải thành", "{pct}%"}, {"Đơn thư vượt cấp", "0"}},
				titles: []string{
					"Tổ hòa giải ở cơ sở giữ tình làng nghĩa xóm ở {hamlet}",
					"Hòa giải ở cơ sở tại {place}, {province}",
				},
				actions: []string{
					"để tổ hòa giải có mặt ngay khi phát sinh mâu thuẫn, không để vụ việc kéo dài",
				},
			},
			{
				name: "Câu lạc bộ phòng, chống ma túy", org: "Câu lạc bộ phòng, chống ma túy", lower: "câu lạc bộ phòng, chống ma túy",
				stem: "Câu lạc bộ phòng, chống ma túy", thing: "câu lạc bộ", group: "ban chủ nhiệm câu lạc bộ", weight: 4,
				fields: []string{"Phòng, chống tệ nạn xã hội", "Giáo dục, giúp đỡ người lầm lỗi"},
				tags:   []string{"ma túy", "thanh niên", "cai nghiện", "câu lạc bộ"},
				crimes: []string{"mua bán trái phép chất ma túy", "tàng trữ trái phép chất ma túy"},
				context: []string{
					"Có thời điểm {hamlet} có {n10} người nghiện ma túy, {nhiều gia đình kiệt quệ|kéo theo trộm cắp vặt}, {phụ huynh nào cũng lo con em bị rủ rê|người nghiện bị xa lánh}.",
				},
				howto: []string{
					"Câu lạc bộ sinh hoạt {mỗi tháng một lần|định kỳ hằng quý} tại nhà văn hóa, {mời bác sĩ, công an nói chuyện về tác hại của ma túy|chiếu phim tư liệu, tổ chức hái hoa dân chủ}.",
					"Thành viên là {người từng nghiện đã cai|đoàn viên thanh niên|phụ huynh có con em nghiện}, {chia sẻ kinh nghiệm thật|vận động người nghiện tự nguyện đi cai}.",
					"Người sau cai được {giúp tìm việc làm|giới thiệu học nghề|hỗ trợ vay vốn chăn nuôi} và {có người kèm cặp|được câu lạc bộ thăm hỏi thường xuyên}.",
					"Câu lạc bộ {phát hiện|cung cấp} thông tin về {điểm mua bán ma túy|người lạ đến bán ma túy}, báo cho công an xã {theo đường dây nóng|một cách bí mật}.",
				},
				results: [][2]string{{"Người nghiện đi cai", "{n10}"}, {"Người sau cai có việc làm", "{n10}"}, {"Điểm mua bán ma túy bị triệt phá", "{n2}"}},
				titles: []string{
					"Câu lạc bộ phòng, chống ma túy giúp thanh niên {hamlet} làm lại cuộc đời",
					"Câu lạc bộ phòng, chống ma túy ở {place}, {province}",
				},
				actions: []string{
					"lập câu lạc bộ phòng, chống ma túy, vận động người nghiện đi cai và giúp người sau cai có việc làm",
				},
			},
			{
				name: "Nhà trọ an toàn", org: "Tổ tự quản nhà trọ", lower: "nhà trọ an toàn",
				stem: "Nhà trọ an toàn", thing: "nhà trọ", group: "tổ tự quản nhà trọ", weight: 4, industry: true,
				fields: []string{"Phòng, chống tội phạm", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Phòng, chống tệ nạn xã hội"},
				tags:   []string{"nhà trọ", "công nhân", "phòng cháy chữa cháy", "tạm trú"},
				context: []string{
					"Quanh {hamlet} có {n100} nhà trọ với {n1000} người thuê, {người đến người đi liên tục|nhiều phòng trọ chật chội, sạc xe điện ngay trong phòng}.",
				},
				howto: []string{
					"Chủ nhà trọ ký cam kết {khai báo tạm trú đầy đủ|không để người thuê sử dụng ma túy, đánh bạc|trang bị bình chữa cháy ở mỗi tầng}.",
					"Mỗi khu trọ bầu một người thuê làm {tổ trưởng tự quản|đầu mối liên lạc với công an}, {nhắc nhở nội quy|nắm người mới đến}.",
					"Khu sạc xe điện được bố trí riêng {ngoài trời|ở tầng trệt, có thiết bị ngắt điện tự động}, {không cho sạc trong phòng|không sạc qua đêm}.",
					"{Police} {kiểm tra định kỳ|phối hợp chủ trọ rà soát} {n2} lần mỗi năm, {hướng dẫn khai báo tạm trú qua ứng dụng|nhắc nhở về phòng cháy}.",
				},
				results: [][2]string{{"Nhà trọ ký cam kết", "{n100}"}, {"Người thuê trọ được tập huấn phòng cháy", "{n1000}"}, {"Vụ trộm trong khu trọ", "giảm {pct}%"}},
				titles: []string{
					"Nhà trọ an toàn cho công nhân ở {hamlet}",
					"Mô hình nhà trọ an toàn ở {place}, {province}",
				},
				actions: []string{
					"để chủ trọ và người thuê cùng ký cam kết, bố trí khu sạc xe điện riêng và khai báo tạm trú đầy đủ",
				},
			},
			{
				name: "Cổng trường an toàn giao thông", org: "Đội thanh niên tình nguyện", lower: "cổng trường an toàn giao thông",
				stem: "Cổng trường an toàn", thing: "cổng trường", group: "đội thanh niên tình nguyện", weight: 3,
				fields: []string{"Trật tự, an toàn giao thông"},
				tags:   []string{"an toàn giao thông", "cổng trường", "học sinh"},
				crimes: []string{"tai nạn giao thông", "va chạm giao thông"},
				context: []string{
					"Giờ tan học, trước cổng trường ở {place} {phụ huynh dừng xe tràn xuống lòng đường|hàng quán lấn chiếm vỉa hè}, {ùn tắc kéo dài|học sinh phải len lỏi giữa dòng xe}.",
				},
				howto: []string{
					"Vào giờ tan học, {đội thanh niên tình nguyện|phụ huynh trực cổng|cảnh sát giao thông} {phân luồng, nhắc phụ huynh không dừng đỗ dưới lòng đường|giúp học sinh qua đường an toàn}.",
					"Nhà trường {vẽ vạch|sơn} khu vực đưa đón, {phụ huynh xếp hàng theo lớp|chia giờ tan học theo khối}.",
					"Học sinh {được học|được hướng dẫn} đội mũ bảo hiểm đúng cách, {không đi xe đạp dàn hàng ngang|không đi xe máy khi chưa đủ tuổi}.",
				},
				results: [][2]string{{"Học sinh được tuyên truyền", "{n1000}"}, {"Ùn tắc trước cổng trường", "giảm {pct}%"}, {"Tai nạn liên quan học sinh", "0"}},
				titles: []string{
					"Cổng trường an toàn giao thông ở {place}",
					"Giữ an toàn cổng trường ở {place}, {province}",
				},
				actions: []string{
					"phân luồng giờ tan học, vẽ khu vực đưa đón và dạy học sinh đội mũ bảo hiểm đúng cách",
				},
			},
			{
				name: "Tổ tự quản bến thuyền", org: "Tổ tự quản bến thuyền", lower: "tổ tự quản bến thuyền",
				stem: "Tổ tự quản bến thuyền", thing: "bến thuyền", group: "tổ tự quản ngư dân", weight: 3,
				fields:    []string{"Phòng, chống tội phạm", "Bảo vệ môi trường", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
				provinces: []string{"Hải Phòng", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Khánh Hòa", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Cà Mau", "An Giang", "Vĩnh Long", "Ninh Bình", "Hưng Yên", "Thành phố Hồ Chí Minh"},
				tags:      []string{"ngư dân", "bến thuyền", "biển đảo", "tàu cá"},
				crimes:    []string{"trộm ngư lưới cụ", "trộm cắp tài sản"},
				context: []string{
					"Bến thuyền ở {hamlet} có {n100} tàu cá, {mùa biển động tàu neo kín bến|ngư dân ra khơi dài ngày}, {ngư lưới cụ để trên bờ hay bị mất|việc quản lý người lạ rất khó}.",
				},
				howto: []string{
					"Các chủ tàu cá {cùng bến|cùng xóm} lập tổ tự quản, mỗi tổ {n2} đến {n10} tàu, {giữ liên lạc qua máy thông tin tầm xa|hỗ trợ nhau khi gặp sự cố trên biển}.",
					"Tổ {nhắc nhở|kiểm tra} các tàu {lắp thiết bị giám sát hành trình|không đánh bắt bằng chất nổ, kích điện|không vi phạm vùng biển nước ngoài}.",
					"Tại bến, tổ {phân công người trông tàu ban đêm|sắp xếp chỗ neo đậu}, {phòng trộm ngư lưới cụ|phòng cháy tàu khi neo sát nhau}.",
				},
				results: [][2]string{{"Tàu cá tham gia", "{n100}"}, {"Vụ cứu nạn trên biển", "{n10}"}, {"Vụ trộm ngư lưới cụ", "giảm {pct}%"}},
				titles: []string{
					"Tổ tự quản bến thuyền giúp ngư dân {place} yên tâm ra khơi",
					"Tổ tự quản bến thuyền ở {place}, {province}",
				},
				actions: []string{
					"lập tổ tự quản bến thuyền, trông tàu ban đêm và giữ liên lạc với nhau trên biển",
				},
			},
			{
				name: "Giúp đỡ người lầm lỗi tái hòa nhập cộng đồng", org: "Tổ giúp đỡ người lầm lỗi", lower: "giúp đỡ người lầm lỗi tái hòa nhập cộng đồng",
				stem: "Giúp đỡ người lầm lỗi", thing: "người được giúp đỡ", group: "tổ giúp đỡ người lầm lỗi", weight: 4,
				fields: []string{"Giáo dục, giúp đỡ người lầm lỗi", "Phòng, chống tệ nạn xã hội"},
				tags:   []string{"tái hòa nhập cộng đồng", "người lầm lỗi", "việc làm"},
				context: []string{
					"Mỗi năm {place} có {n2} đến {n10} người chấp hành xong án phạt tù trở về, {nhiều người mặc cảm, không tìm được việc|có người tái phạm chỉ sau vài tháng}.",
				},
				howto: []string{
					"Mỗi người {mới chấp hành xong án phạt tù|được đặc xá} trở về được giao cho {một tổ giúp đỡ gồm {n2} người|một đảng viên, một hội viên đoàn thể} kèm cặp.",
					"Tổ {thăm hỏi|gặp gỡ} hằng tháng, {động viên tinh thần|giúp làm giấy tờ cư trú, căn cước}, {giới thiệu việc làm ở các cơ sở sản xuất|hỗ trợ vay vốn ưu đãi}.",
					"Gia đình, dòng họ và hàng xóm {được vận động|cam kết} không kỳ thị, {tạo điều kiện để người lầm lỗi tham gia sinh hoạt cộng đồng|mời họ tham gia các phong trào của {hamletType}}.",
				},
				results: [][2]string{{"Người được giúp đỡ", "{n10}"}, {"Người có việc làm ổn định", "{n10}"}, {"Tỷ lệ tái phạm", "{n2}%"}},
				titles: []string{
					"Giúp người lầm lỗi làm lại cuộc đời ở {place}",
					"Giúp đỡ người lầm lỗi tái hòa nhập cộng đồng ở {place}, {province}",
				},
				actions: []string{
					"giao mỗi người lầm lỗi trở về cho một tổ giúp đỡ, tìm việc làm và không kỳ thị",
				},
			},
		},
		genericCrimes: []string{
			"trộm cắp tài sản", "trộm xe máy", "trộm gia súc, gia cầm", "đánh bạc",
			"cố ý gây thương tích", "lừa đảo chiếm đoạt tài sản", "cướp giật tài sản",
			"tàng trữ trái phép chất ma túy", "gây rối trật tự công cộng",
		},
		crimes: []string{
			"trộm cắp tài sản", "trộm xe máy", "trộm chó", "cướp giật", "đánh bạc",
			"lừa đảo qua mạng", "cố ý gây thương tích", "mua bán ma túy", "tín dụng đen",
			"đua xe trái phép", "trộm gia cầm", "trộm bình ắc quy, máy bơm nước",
		},
		vices: []string{
			"cờ bạc", "ma túy", "rượu chè", "lô đề", "tín dụng đen", "đua xe trái phép",
			"cá độ bóng đá", "trò chơi điện tử ăn tiền",
		},
		partners: []string{
			"Hội Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Nông dân",
			"ban công tác Mặt trận", "nhà trường", "các chức sắc tôn giáo",
			"ban quản lý chợ", "các doanh nghiệp trên địa bàn", "Hội Người cao tuổi",
		},
		channels: []string{
			"loa truyền thanh", "nhóm Zalo của khu dân cư", "trang Facebook của công an xã",
			"các buổi sinh hoạt chi hội", "tờ rơi phát tận nhà", "bảng tin ở nhà văn hóa",
		},
		roles: []string{
			"tổ trưởng tổ dân phố", "trưởng thôn", "bí thư chi bộ", "công an viên",
			"cảnh sát khu vực", "trưởng ban công tác Mặt trận", "chi hội trưởng phụ nữ",
			"bí thư chi đoàn", "cựu chiến binh", "người có uy tín", "trưởng họ",
			"tổ trưởng tổ an ninh", "thành viên tổ bảo vệ an ninh, trật tự ở cơ sở",
		},
		surnames: []string{
			"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
			"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương",

			"Cao", "Chu", "Đàm", "Đoàn", "Hà", "Kiều", "Lâm", "Lưu", "Mạc", "Nông", "Quách", "Tạ", "Tăng", "Thái", "Tô", "Triệu", "Từ", "Văn", "Vương", "Khổng", "La", "Lục",
		},
		maleMiddle: []string{"Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Thanh", "Xuân", "Đình", "Ngọc"},
		maleGiven: []string{
			"Hùng", "Dũng", "Tuấn", "Thắng", "Bình", "Sơn", "Hải", "Long", "Phúc", "Toàn",
			"Nam", "Cường", "Tâm", "Lợi", "Khánh", "Hiếu", "Trung", "Nghĩa", "Thành", "Út",

			"Anh", "Bảo", "Chiến", "Công", "Cảnh", "Đạt", "Định", "Đông", "Giang", "Hào", "Hậu", "Hiển", "Hòa", "Hoàng", "Huy", "Kiên", "Khoa", "Lâm", "Lực", "Mạnh", "Minh", "Ninh", "Phong", "Phương", "Quân", "Quý", "Quyết", "Sang", "Sỹ", "Tài", "Thái", "Thiện", "Thịnh", "Thông", "Tiến", "Trọng", "Trường", "Tú", "Tùng", "Vinh", "Vũ", "Việt", "Xuân", "Luận", "Kiểm", "Chương",
		},
		femaleMiddle: []string{"Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hồng", "Minh"},
		femaleGiven: []string{
			"Lan", "Hoa", "Mai", "Hương", "Hạnh", "Thủy", "Nga", "Liên", "Bích", "Yến",
			"Thảo", "Dung", "Loan", "Nhung", "Tuyết", "Hằng", "Vân", "Xuân",

			"Anh", "Ánh", "Cúc", "Diệp", "Diệu", "Đào", "Gấm", "Giang", "Hà", "Hiền", "Hồng", "Huệ", "Khuyên", "Lệ", "Linh", "Lụa", "Lý", "My", "Ngân", "Ngọc", "Nhàn", "Oanh", "Phượng", "Quyên", "Sen", "Tâm", "Thắm", "Thoa", "Thơm", "Thu", "Trang", "Trinh", "Tươi", "Uyên", "Vui", "Xoan", "Yên", "Lài", "Mận", "Nguyệt",
		},
		mongSurnames:     []string{"Thào", "Giàng", "Mùa", "Sùng", "Vàng", "Lù", "Hờ", "Lý"},
		mongGiven:        []string{"Dình", "Sùng", "Pao", "Lử", "Chớ", "Của", "Tủa", "Dế", "Chồng", "Sình"},
		thaiSurnames:     []string{"Lò", "Cầm", "Quàng", "Lường", "Tòng", "Vì", "Hà"},
		highlandSurnames: []string{"Niê", "Êban", "Mlô", "Ksơr", "Rơ Châm", "Siu", "Rcom", "Byă"},
		highlandGiven:    []string{"Bhin", "Blim", "Hùng", "Kông", "Thuột", "Wơn", "Dhiêng", "Nai"},
		jobs:             []string{"trồng lúa", "nuôi tôm", "trồng cà phê", "trồng chè", "làm muối", "đánh bắt hải sản", "trồng cây ăn trái", "nuôi cá lồng", "trồng rau màu", "làm nghề mộc", "dệt thổ cẩm", "làm gốm", "trồng tiêu", "trồng điều", "trồng cao su", "chăn nuôi lợn", "nuôi bò sinh sản", "trồng mía", "trồng sắn", "làm bánh tráng", "làm nón lá", "đan lát mây tre", "làm hương", "chạy xe ôm công nghệ", "buôn bán ở chợ", "làm thuê ở các xưởng may", "trồng hoa", "trồng nấm", "nuôi ong lấy mật", "trồng thanh long", "trồng sầu riêng", "trồng bưởi", "trồng vải thiều", "trồng nhãn", "làm du lịch cộng đồng", "làm bún", "xay xát gạo", "làm đậu phụ", "sửa chữa xe máy", "kinh doanh nhà trọ"},
		stolen:           []string{"xe máy", "điện thoại di động", "bình ắc quy", "máy bơm nước", "dây điện", "gà vịt", "chó nuôi", "trâu bò", "lợn giống", "cà phê nhân", "hồ tiêu", "hạt điều", "lúa vừa gặt", "tôm cá trong ao", "ngư lưới cụ", "xe đạp điện", "két sắt", "vàng bạc", "tiền công đức", "máy cắt cỏ", "cây cảnh", "phụ tùng ô tô", "sắt thép phế liệu", "mủ cao su", "dê thả rông"},
		landmarks:        []string{"chợ", "bến xe", "cây xăng", "trường tiểu học", "trạm y tế", "đình làng", "nhà thờ họ", "chùa", "nhà thờ giáo xứ", "sân bóng", "bến đò", "cầu treo", "ngã ba quốc lộ", "nghĩa trang", "khu chợ đêm", "nhà văn hóa", "đầu cầu", "bãi tắm", "cổng trường", "khu tái định cư", "bờ đê", "trạm bơm", "cánh đồng mẫu lớn", "vườn đồi"},
		ethnicNorth:      []string{"Tày", "Nùng", "Thái", "Mông", "Dao", "Giáy", "Lô Lô", "Hà Nhì", "Khơ Mú"},
		ethnicHighlands:  []string{"Ê Đê", "Jrai", "Ba Na", "Xơ Đăng", "Cơ Ho", "Mạ", "M'nông", "Raglai"},
		ethnicSouth:      []string{"Khmer", "Hoa", "Chăm", "Stiêng", "Chơ Ro"},
		ethnicCentral:    []string{"Vân Kiều", "Pa Cô", "Cơ Tu", "Tà Ôi", "Hrê", "Co"},
		ethnicOther:      []string{"Mường", "Dao", "Sán Dìu", "Thái", "Thổ", "Tày", "Sán Chay"},
		central:          []string{"Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Khánh Hòa", "Thanh Hóa", "Nghệ An", "Hà Tĩnh"},
		festivals:        []string{"Tết Nguyên đán", "rằm tháng Giêng", "lễ hội đình làng", "mùa cưới", "lễ Vu Lan", "Tết Độc lập", "lễ mừng lúa mới", "Tết Chôl Chnăm Thmây", "lễ Giáng sinh", "mùa du lịch hè", "Tết Trung thu", "lễ hội Katê", "hội đua ghe ngo", "lễ hội cầu ngư"},
		seasons:          []string{"mùa mưa bão", "mùa khô", "những ngày rét đậm", "mùa nước nổi", "mùa gặt", "mùa thu hoạch cà phê", "mùa nồm ẩm", "mùa lũ"},
		nameSyllables: []string{
			"An", "Bình", "Hòa", "Phú", "Tân", "Long", "Mỹ", "Phước", "Thạnh", "Thuận",
			"Hưng", "Thịnh", "Quang", "Minh", "Trung", "Hiệp", "Lộc", "Thọ", "Khánh",
			"Sơn", "Thủy", "Hải", "Đức", "Nghĩa", "Lợi", "Vĩnh", "Xuân", "Yên", "Định",
			"Cát", "Lạc", "Hà", "Kim", "Ngọc", "Hồng", "Thanh", "Tiến", "Thắng", "Lập",
			"Phong", "Đồng", "Quý", "Hợp", "Tường", "Thái", "Gia", "Kiến", "Tuy", "Châu",
			"Hội", "Hiền", "Lương", "Điền", "Trà", "Mai", "Liên", "Cẩm", "Nhân", "Đạo",
			"Quỳnh", "Tiên", "Tam", "Đông", "Tây", "Nam", "Bắc", "Thượng", "Vân", "Phúc",

			"Bảo", "Cường", "Dũng", "Giang", "Hạnh", "Hiển", "Hoàng", "Khang", "Khê", "Lam", "Linh", "Mậu", "Nguyên", "Nhuận", "Phát", "Quế", "Sa", "Song", "Tài", "Tín", "Trạch", "Triều", "Tú", "Uyên", "Văn", "Vinh", "Vọng", "Ý", "Chánh", "Dương", "Hóa", "Khương", "Lĩnh", "Nghi", "Ngư", "Phụng", "Quảng", "Sen", "Thiện", "Thới", "Trinh", "Vạn", "Viên", "Đoài", "Hạc", "Cốc", "Giao", "Hoành", "Kỳ", "Lễ", "Niên", "Phổ", "Quới", "Rạng", "Tịnh", "Toàn", "Trực", "Tuệ", "Uy", "Việt", "Xương", "Diễn", "Thiệu", "Hoằng", "Nga", "Quan", "Cầu", "Đại", "Tiểu", "Ninh", "Khai", "Mão", "Thạch", "Lâm", "Hương", "Hiếu", "Bồng", "Cửu", "Chí",
		},
		banFirst: []string{"Nà", "Pá", "Huổi", "Co", "Nậm", "Phiêng", "Púng", "Hua", "Lũng", "Khau", "Pác", "Tà", "Sin", "Mường",
			"Chiềng", "Nặm", "Phìn", "Tả", "Xín", "Sà",
		},
		banSecond: []string{"Hum", "Khoang", "Lếch", "Mạ", "Cang", "Tấu", "Phin", "Xá", "Chải", "Ngài", "Sáng", "Luông", "Mòn", "Nọi", "Pục", "Lìa",
			"Bó", "Công", "Dế", "Hỏm", "Khiêng", "Lót", "Mo", "Nghè", "Pa", "Quang", "Sảo", "Thẳm", "Tỉnh", "Ún", "Vai", "Xôm",
		},
		buonFirst:     []string{"Ea", "Ia", "Kon", "Plei", "Đăk", "Krông", "Tơ"},
		buonSecond:    []string{"Tul", "Kép", "Rông", "Sar", "Blang", "Bông", "Mơ", "Ring", "Dun", "Hđing", "Lốp", "Pơng"},
		mountainNorth: []string{"Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Cao Bằng", "Tuyên Quang", "Lào Cai"},
		highlands:     []string{"Gia Lai", "Đắk Lắk", "Lâm Đồng"},
		south:         []string{"Thành phố Hồ Chí Minh", "Cần Thơ", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"},
		cities:        []string{"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ"},
		contextBank: []string{
			"{Hamlet} có {hh} hộ với khoảng {n1000} nhân khẩu, {phần lớn|đa số} {sống bằng nghề nông|làm công nhân ở các khu công nghiệp lân cận|buôn bán nhỏ|đi làm ăn xa, chỉ còn người già và trẻ nhỏ ở nhà}.",
			"Trước năm {year0}, tình hình an ninh, trật tự ở {place} {có lúc|nhiều thời điểm} diễn biến phức tạp, nhất là {crimeMain} và {vice}.",
			"Năm {yb}, trên địa bàn xảy ra {before} vụ {crimeMain}, {nhiều vụ không tìm ra thủ phạm|phần lớn xảy ra vào ban đêm|chủ yếu nhằm vào các hộ vắng nhà}.",
			"Địa bàn rộng, {dân cư sống rải rác|đường sá nhỏ hẹp, nhiều ngõ sâu|nhiều lối mòn thông ra cánh đồng và bờ sông}, trong khi lực lượng công an xã chỉ có vài người nên khó bao quát hết.",
			"Người dân {lo lắng|bức xúc} vì {crimeMain}, {ban đêm nhiều nhà phải thay nhau thức canh|có hộ mất tài sản vài lần trong một năm|nhiều người không dám để xe ngoài sân}.",
			"Một bộ phận thanh niên {bỏ học sớm|không có việc làm ổn định}, {hay tụ tập uống rượu, đua xe|sa vào {vice}}, {gây mất trật tự vào ban đêm|khiến nhiều gia đình lo lắng}.",
			"Số người tạm trú tăng nhanh {khi các nhà máy mới đi vào hoạt động|do nhiều nhà trọ mọc lên}, {kéo theo|cùng với đó là} những mâu thuẫn, xích mích trong sinh hoạt.",
			"Các vụ mâu thuẫn {về đất đai, ranh giới|giữa hàng xóm|trong gia đình} nếu không được hòa giải sớm dễ {kéo dài nhiều năm|biến thành xô xát|phát sinh đơn thư vượt cấp}.",
			"Tại một {cuộc họp|buổi sinh hoạt} {của chi bộ|của ban công tác Mặt trận|của {hamletType}} cuối năm {yb}, nhiều ý kiến cho rằng không thể chỉ trông chờ vào lực lượng công an mà mỗi hộ phải {tự bảo vệ mình|trở thành tai mắt của cộng đồng}.",
			"Từ thực tế đó, {police} {tham mưu cho|đề xuất với} {cấp ủy, chính quyền địa phương|Đảng ủy, Ủy ban nhân dân {place}} {xây dựng|triển khai thí điểm} mô hình \"{kind}\" từ năm {year0}.",
			"Ý tưởng {được chi bộ, ban công tác Mặt trận và {police} ủng hộ|nhận được sự đồng tình của đa số các hộ|được đưa ra bàn bạc công khai trong các buổi họp dân}.",
			"{Place} {nằm ven quốc lộ|giáp ranh với nhiều địa phương|có chợ đầu mối và bến xe}, {người lạ ra vào nhiều|giao thông thuận lợi} nên {kẻ gian dễ đến, dễ đi|đối tượng xấu thường lợi dụng để hoạt động}.",
			"Theo thống kê của {police}, giai đoạn {yb3}–{yb}, địa bàn ghi nhận {n10} vụ việc về an ninh, trật tự, {trong đó phần lớn là {crimeMain}|nhiều vụ liên quan đến {vice}}.",
			"Vào mùa {thu hoạch|lễ hội|cao điểm cuối năm}, {tình trạng|nạn} {crimeMain} {lại tăng|thường gia tăng}, {người dân phải thức canh|nhiều hộ phải thuê người trông coi}.",
			"Nhiều hộ {có người thân đi làm ăn xa|là người cao tuổi sống một mình}, {ban ngày nhà cửa thường vắng|ít có khả năng tự bảo vệ}.",
			"Đời sống của bà con {đã khấm khá hơn|còn nhiều khó khăn}, nhưng {ý thức tự phòng ngừa|sự gắn kết giữa các hộ} {chưa cao|còn hạn chế}.",
			"Tình trạng {lừa đảo qua mạng|mua bán ma túy|cờ bạc, lô đề|tín dụng đen} {bắt đầu xuất hiện|len lỏi vào từng {hamletType}}, {khiến nhiều gia đình lâm vào cảnh nợ nần|đe dọa sự bình yên của khu dân cư}.",
			"Có thời điểm, {hamlet} {bị xếp vào diện phức tạp về an ninh, trật tự|là điểm nóng về {crimeMain}} của {place}.",
			"Bà con {còn e ngại|ngại va chạm} khi tố giác tội phạm, {sợ bị trả thù|vì không biết báo cho ai|nghĩ rằng việc đó là của công an}.",
			"Cơ sở vật chất phục vụ công tác giữ gìn an ninh, trật tự {còn thiếu thốn|rất đơn sơ}: {không có đèn chiếu sáng trên các đường liên {hamletType}|nhà văn hóa xuống cấp|phương tiện liên lạc hạn chế}.",
			"Năm {yb}, {place} {chỉ có|mới có} {pct}% hộ {ký cam kết|tham gia} giữ gìn an ninh, trật tự, {thấp hơn nhiều so với mặt bằng chung của {pcity}|nhiều hộ còn thờ ơ}.",
			"Nhiều {vụ việc|tin báo} {đến tai công an rất muộn|chỉ được phát hiện khi đã quá muộn}, {đối tượng đã kịp tẩu thoát|tang vật đã bị tiêu thụ}.",
			"{Place} là địa bàn {có đông đồng bào theo đạo|có nhiều dân tộc cùng sinh sống|có nhiều hộ mới chuyển đến}, {phong tục, tập quán đa dạng|việc nắm tình hình đòi hỏi sự kiên trì}.",
			"Những năm trước, {các phong trào ở {hamlet}|công tác giữ gìn an ninh, trật tự} {chủ yếu dựa vào vài cán bộ|làm theo kiểu phong trào, rầm rộ lúc đầu rồi lắng xuống}.",
			"Bà con chủ yếu sống bằng nghề {job} và {job}, {thu nhập bấp bênh|đời sống dần ổn định}.",
			"{Hamlet} có đông đồng bào {ethnic} sinh sống, {xen kẽ với người Kinh|giữ nhiều phong tục truyền thống}.",
			"Kẻ gian thường nhắm vào {stolen} và {stolen}, {lợi dụng lúc chủ nhà đi vắng|ra tay vào lúc nửa đêm về sáng}.",
			"Khu vực quanh {landmark} {thường đông người|là nơi thanh niên hay tụ tập}, {nhất là vào buổi tối|nhất là dịp {festival}}.",
			"Vào {season}, {nhiều hộ phải đi làm xa|đường sá lầy lội, đi lại khó khăn}, {kẻ gian càng dễ lộng hành|việc ứng cứu càng chậm}.",
			"Dịp {festival}, lượng người từ nơi khác đổ về tăng gấp {n2} lần, {kéo theo nguy cơ trộm cắp, móc túi|kéo theo tình trạng say xỉn gây rối}.",
			"Con đường từ {landmark} đến {landmark} dài chừng {n2} cây số, {hai bên là ruộng lúa|chạy men theo bờ sông|không có đèn chiếu sáng}.",
			"Có hộ {mất {stolen} ngay trong đêm|bị kẻ gian cạy cửa lấy {stolen}}, {thiệt hại hàng chục triệu đồng|cả nhà không hề hay biết}.",
			"Giá {stolen} tăng cao khiến kẻ gian {nhòm ngó|liên tục tìm cách đột nhập}, {tang vật được tiêu thụ rất nhanh|nhiều đối tượng dùng xe máy không biển số}.",
			"Mỗi năm vào {season}, {hamlet} lại {bị chia cắt vài ngày|thiếu người trông coi nhà cửa}, {người già và trẻ nhỏ ở nhà một mình|tài sản dễ bị kẻ gian nhòm ngó}.",
			"Nhiều gia đình {ethnic} {còn giữ tục lệ cũ|ít khi ra trung tâm xã}, {nên thông tin pháp luật đến với bà con còn chậm|việc tuyên truyền phải kiên trì, bằng tiếng dân tộc}.",
			"Chợ phiên họp vào {sáng chủ nhật|ngày mùng một và ngày rằm|các ngày chẵn}, {người mua kẻ bán đông đúc|có cả thương lái từ nơi khác đến}, {kẻ gian trà trộn móc túi|dễ xảy ra va chạm}.",
		},
		howtoBank: []string{
			"{Place} thành lập {group} gồm {members} thành viên, {do {role} làm tổ trưởng|có quy chế hoạt động rõ ràng|được phân công theo từng cụm dân cư}.",
			"Thành viên là {cựu chiến binh, đoàn viên thanh niên, hội viên phụ nữ|những người có uy tín, nhiệt tình, sống lâu năm ở địa phương|người dân tự nguyện đăng ký}, {được tập huấn về kỹ năng phòng ngừa, phát hiện tội phạm|được công an xã hướng dẫn nghiệp vụ cơ bản}.",
			"Kinh phí {chủ yếu do người dân tự nguyện đóng góp|được huy động theo phương châm nhân dân làm, Nhà nước hỗ trợ}, tổng cộng khoảng {money}; {mọi khoản thu, chi đều được công khai tại nhà văn hóa|ban nhân dân {hamletType} công khai thu chi mỗi quý}.",
			"{Police} {phân công cảnh sát khu vực|cử một cán bộ} {trực tiếp hướng dẫn|theo dõi, hỗ trợ} {group}, {dự các buổi sinh hoạt định kỳ|giải đáp vướng mắc của người dân}.",
			"Hằng tháng, {group} họp {một lần|định kỳ} để {rút kinh nghiệm|đánh giá tình hình} và {phân công nhiệm vụ|bàn biện pháp xử lý những vụ việc mới phát sinh}.",
			"{Hamlet} {xây dựng|bổ sung} quy ước, hương ước, trong đó ghi rõ {trách nhiệm của từng hộ|những việc được làm và không được làm} trong giữ gìn an ninh, trật tự.",
			"Các hộ ký cam kết {không vi phạm pháp luật, không mắc tệ nạn xã hội|không tàng trữ, sử dụng pháo nổ|quản lý, giáo dục con em trong gia đình}, {bản cam kết được niêm yết công khai|tổ trưởng kiểm tra việc thực hiện hằng quý}.",
			"Thông tin về {người lạ, phương tiện lạ|đối tượng có biểu hiện nghi vấn|vụ việc phức tạp} được báo ngay cho {police} {qua điện thoại|qua nhóm Zalo|trực tiếp}, {bảo đảm bí mật cho người báo tin|kể cả vào ban đêm}.",
			"{Group} phối hợp với {partner} {tuyên truyền|vận động} người dân {tố giác tội phạm|phòng ngừa {crimeMain}|giữ gìn tình làng nghĩa xóm}.",
			"Việc tuyên truyền được làm {qua hệ thống loa truyền thanh|lồng ghép trong các buổi họp {hamletType}|bằng tờ rơi, pa nô đặt ở nơi đông người|qua {channel}}, {ngắn gọn, dễ hiểu|bằng cả tiếng phổ thông và tiếng dân tộc}.",
			"Những người {từng vi phạm pháp luật|mới chấp hành xong án phạt tù|nghiện ma túy đã cai} được {group} {phân công người kèm cặp|giúp tìm việc làm|hỗ trợ vay vốn làm ăn} để {tái hòa nhập cộng đồng|không tái phạm}.",
			"Mỗi quý, {police} {tổ chức tập huấn|bồi dưỡng kỹ năng} cho {group} về {cách phát hiện, giữ chân đối tượng|sơ cứu người bị nạn|cách sử dụng bình chữa cháy|cách ghi nhận và chuyển tin báo}.",
			"Ban chỉ đạo {đề ra|thống nhất} {n2} tiêu chí để đánh giá {hộ gia đình|cụm dân cư} an toàn, {kết quả bình xét được công bố cuối năm|gắn với danh hiệu gia đình văn hóa}.",
			"{Group} duy trì {chế độ|lịch} trực {từ {hour} giờ đến 5 giờ sáng|vào các ngày cuối tuần và dịp lễ, Tết|theo ca, mỗi ca {n2} người}.",
			"Khi có vụ việc, {thành viên gần nhất|người trực} {có mặt trong vòng vài phút|báo ngay cho tổ trưởng và công an xã}, {bảo vệ hiện trường|giúp đỡ người bị hại|ghi nhận thông tin ban đầu}.",
			"Để {duy trì hoạt động lâu dài|giữ chân thành viên}, {group} {được hỗ trợ một phần kinh phí từ ngân sách|nhận bồi dưỡng từ quỹ an ninh của {hamletType}|được biểu dương, khen thưởng kịp thời}.",
			"{Place} {lựa chọn|chọn} {hamlet} làm điểm, sau {n2} tháng {rút kinh nghiệm rồi nhân rộng|đánh giá hiệu quả rồi mới triển khai ra toàn địa bàn}.",
			"Các doanh nghiệp, hộ kinh doanh trên địa bàn {tài trợ|ủng hộ} {thiết bị|kinh phí|đèn chiếu sáng}, {tổng giá trị khoảng {money}|góp phần giảm gánh nặng cho người dân}.",
			"Mỗi {thành viên|hộ} {được phát|được trang bị} {áo phản quang, đèn pin, gậy|sổ tay ghi chép|số điện thoại đường dây nóng của công an xã}.",
			"{Group} {thường xuyên|định kỳ} rà soát {người tạm trú, tạm vắng|các hộ có người đi làm ăn xa|những điểm tối, vắng người}, {báo cáo công an xã để có biện pháp quản lý|đề xuất lắp thêm đèn chiếu sáng}.",
			"Đoàn viên thanh niên {được giao|nhận} {phụ trách kỹ thuật|tuyên truyền trên mạng xã hội|hướng dẫn người cao tuổi sử dụng điện thoại thông minh}, {góp phần làm mới cách làm|giúp mô hình lan tỏa nhanh hơn}.",
			"Những mâu thuẫn nhỏ {được phát hiện sớm|được tổ hòa giải nắm bắt} và hòa giải ngay tại cơ sở, {không để phát sinh thành điểm nóng|tránh đơn thư kéo dài}.",
			"{Hamlet} {gắn|lồng ghép} mô hình với phong trào {xây dựng nông thôn mới|xây dựng đô thị văn minh|Toàn dân đoàn kết xây dựng đời sống văn hóa}, {để người dân thấy lợi ích trực tiếp|tạo sức lan tỏa rộng}.",
			"{Police} {xây dựng|phát triển} mạng lưới {cộng tác viên|quần chúng nòng cốt} ở từng {hamletType}, {nắm tình hình từ sớm, từ xa|kịp thời phát hiện những dấu hiệu bất thường}.",
			"Kết quả hoạt động {được công khai|được thông báo} {tại các buổi họp dân|trên loa truyền thanh|trong nhóm Zalo của {hamletType}}, {giúp người dân thấy rõ hiệu quả|tạo niềm tin để bà con tiếp tục đóng góp}.",
			"Người cao tuổi, người có uy tín{ và chức sắc tôn giáo|} được mời tham gia {vận động con cháu|hòa giải các vụ mâu thuẫn}, {tiếng nói của họ có sức nặng với bà con|giúp nhiều vụ việc được giải quyết êm thấm}.",
			"{Hằng năm|Cuối mỗi năm}, {place} tổ chức {sơ kết|tổng kết} mô hình, {khen thưởng {n2} tập thể và {n10} cá nhân tiêu biểu|bổ sung quy chế cho phù hợp với tình hình mới}.",
			"{Group} {lập sổ theo dõi|cập nhật danh sách} {các đối tượng cần quản lý|những hộ khó khăn cần giúp đỡ}, {giữ bí mật thông tin|phân công người theo dõi cụ thể}.",
			"Trong {dịp cao điểm|các tháng cuối năm}, {group} {tăng cường|tăng tần suất} hoạt động, phối hợp với {partner} {bảo đảm an ninh, trật tự|giữ bình yên cho bà con vui xuân, đón Tết}.",
			"Chi phí để duy trì {mô hình|{thing}} {không lớn|chỉ khoảng {price} mỗi hộ một năm}, {phù hợp với điều kiện kinh tế của người dân|nên bà con sẵn sàng đóng góp}.",
			"Ngay từ đầu, {group} {xác định|thống nhất} {làm ít nhưng chắc|lấy người dân làm trung tâm}, {không chạy theo thành tích|việc gì bàn xong là làm ngay}.",
			"{Partner} {nhận đỡ đầu|phụ trách} {một cụm dân cư|một tuyến đường}, {thi đua với nhau|báo cáo kết quả hằng tháng} trong phong trào giữ gìn an ninh, trật tự.",
			"{Group} phân công người trực ở {landmark} vào {buổi tối|giờ cao điểm|dịp {festival}}, {nhắc nhở bà con cất giữ tài sản|hướng dẫn người lạ gửi xe đúng nơi quy định}.",
			"Các hộ {job} thay nhau canh {rẫy|đầm|vườn|ruộng} vào mùa thu hoạch, {mỗi đêm hai hộ|có lịch trực dán ở nhà văn hóa}.",
			"Quy ước của {hamletType} được dịch sang tiếng {ethnic} và {đọc trên loa vào buổi sáng|in thành tờ rơi song ngữ}.",
			"Các điểm thu mua {stolen} {cam kết không mua hàng không rõ nguồn gốc|báo ngay khi có dấu hiệu nghi vấn}, {để kẻ trộm khó tiêu thụ tang vật|ghi sổ người bán}.",
			"{Group} {tranh thủ|lồng ghép} tuyên truyền {trong các buổi sinh hoạt của hợp tác xã|tại chợ phiên|trong giờ nghỉ của công nhân}, {phát tờ rơi song ngữ|kể lại những vụ việc có thật để bà con cảnh giác}.",
			"Các {hộ kinh doanh|tiệm vàng|đại lý nông sản} quanh {landmark} {lắp thêm đèn|mở camera hướng ra đường} và {lưu số điện thoại của công an|báo tin khi thấy người lạ}.",
			"Trước {festival}, {group} {họp bàn phương án|phân công người giữ xe, giữ trật tự}, {phối hợp với ban tổ chức lễ hội|nhắc các hộ khóa cửa cẩn thận khi đi vắng}.",
			"Những hộ {ethnic} ở xa trung tâm được {cảnh sát khu vực|trưởng {hamletType}} đến tận nhà hướng dẫn, {có cả người phiên dịch|bằng những câu chuyện gần gũi}.",
			"Vào {season}, {group} {kiểm tra nhà cửa của người già neo đơn|giúp bà con di dời tài sản}, {kết hợp nhắc nhở phòng trộm|để không ai bị bỏ lại}.",
		},
		stepBank: []string{
			"Khảo sát địa bàn, xác định {điểm nóng|khu vực phức tạp} và {những hộ cần ưu tiên|các điểm cần lắp đặt}.",
			"Họp dân lấy ý kiến, thống nhất quy chế và mức đóng góp.",
			"Thành lập {group}, phân công nhiệm vụ cho từng thành viên.",
			"Tập huấn kỹ năng cho thành viên với sự hướng dẫn của {police}.",
			"Triển khai thí điểm ở {hamlet}, rút kinh nghiệm sau {n2} tháng.",
			"Công khai kết quả, thu chi và khen thưởng kịp thời.",
			"Nhân rộng ra các {hamletType} khác trong {place}.",
			"Kiểm tra, bảo dưỡng trang thiết bị định kỳ hằng quý.",
			"Lập danh bạ điện thoại của các hộ và đường dây nóng của công an.",
		},
		howtoHeadings: []string{
			"Tổ chức lực lượng", "Kinh phí và trang thiết bị", "Phối hợp với công an cơ sở",
			"Tuyên truyền, vận động", "Duy trì hoạt động", "Quy chế hoạt động",
			"Dựa vào người có uy tín", "Bắt đầu từ một điểm", "Công khai, minh bạch",
		},
		resultBank: []string{
			"Sau {years} năm triển khai, số vụ {crimeMain} ở {place} giảm từ {before} vụ năm {yb} xuống còn {after} vụ năm {yn}.",
			"Mô hình đã được nhân rộng ra {repl} {điểm|{hamletType}, tổ dân phố} {trong {pcity}|ở các địa phương lân cận}.",
			"{Group} đã {phát hiện, báo tin|cung cấp} {n10} {tin báo|nguồn tin} có giá trị, giúp {police} {làm rõ|điều tra, xử lý} {n2} vụ việc.",
			"{Hamlet} {liên tục|nhiều năm liền} được công nhận đạt chuẩn \"An toàn về an ninh, trật tự\"{, không còn tụ điểm phức tạp|}.",
			"{n10} vụ mâu thuẫn được hòa giải thành ngay tại cơ sở, không có vụ việc nào phải {chuyển lên cấp trên|khởi kiện ra tòa}.",
			"Tỷ lệ hộ ký cam kết giữ gìn an ninh, trật tự tăng lên {pct}%, {nhiều gia đình chủ động tham gia|người dân tích cực hơn trong việc tố giác tội phạm}.",
			"{n2} người {từng vi phạm pháp luật|từng nghiện ma túy} {đã có việc làm ổn định|được giúp đỡ, không tái phạm}.",
			"Không còn {tình trạng thanh niên tụ tập đua xe|tụ điểm cờ bạc|điểm nóng về {crimeMain}}, {đường làng, ngõ xóm về đêm yên tĩnh hơn|bà con yên tâm làm ăn}.",
			"Nhờ {mô hình|sự vào cuộc của người dân}, nhiều {đối tượng|vụ trộm} bị phát hiện, {bắt giữ|ngăn chặn} kịp thời, {tài sản được trả lại cho người bị hại|kẻ gian phải bỏ chạy}.",
			"Cách làm của {place} được {Công an {pcity}|Ủy ban nhân dân {pcity}} {đánh giá cao|biểu dương} và {chọn làm điểm|giới thiệu để các địa phương học tập}.",
			"Người dân {tin tưởng|gắn bó} hơn với {lực lượng công an cơ sở|chính quyền}, {số tin báo tăng gấp {n2} lần so với trước|nhiều người chủ động báo tin qua điện thoại}.",
			"{Group} {được tặng|nhận} {bằng khen|giấy khen} của {Chủ tịch Ủy ban nhân dân|Giám đốc Công an} {pcity} vì thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc.",
			"Tổng cộng, {group} đã {tổ chức|duy trì} hơn {n1000} {lượt|ca} {trực|tuần tra, trực}, {hỗ trợ {n100} lượt người dân|giúp đỡ {n10} người gặp nạn}.",
			"Đến năm {yn}, {place} {không còn|chỉ còn rất ít} {trường hợp {vice}|vụ việc liên quan đến {vice}}, {giảm mạnh so với trước|thấp nhất từ trước đến nay}.",
			"Môi trường sống {xanh, sạch hơn|văn minh hơn}, {tình làng nghĩa xóm gắn bó hơn|các hộ quan tâm, giúp đỡ nhau nhiều hơn}.",
			"Nhiều {hamletType} {đến tham quan|cử người đến học hỏi}, {trong đó có {n2} địa phương đã áp dụng thành công|cách làm được chia sẻ tại hội nghị của tỉnh}.",
			"Đến nay, {group} có {members} thành viên, {nhiều người gắn bó từ ngày đầu|lớp trẻ đã dần thay thế thế hệ đi trước}.",
			"Nhiều vụ mất {stolen} được {làm rõ|tìm lại} {chỉ sau vài giờ|trong vòng một tuần}, {tang vật được trao trả cho chủ|đối tượng bị xử lý nghiêm}.",
			"Dịp {festival} vừa qua, {hamlet} không để xảy ra vụ việc phức tạp nào, {người dân vui xuân an toàn|khách đến đông nhưng trật tự}.",
			"Bà con {ethnic} và người Kinh {cùng đoàn kết|gắn bó hơn}, {tích cực tham gia các phong trào của {hamletType}|không nghe theo kẻ xấu}.",
			"Người {job} nay yên tâm {để nông sản ngoài sân|đi làm cả ngày}, không còn cảnh {thức canh trắng đêm|mất trộm giữa mùa thu hoạch}.",
		},
		tableIntro: []string{
			"Một số chỉ tiêu trước và sau khi có mô hình:",
			"Số liệu do {police} tổng hợp:",
			"So sánh năm {yb} với năm {yn}:",
		},
		listIntro: []string{
			"Những kết quả nổi bật:",
			"Sau {years} năm, mô hình đạt được:",
			"Theo báo cáo sơ kết của {place}:",
		},
		quoteBank: []string{
			"Từ ngày có {thing}, {đêm ngủ yên tâm hơn hẳn|nhà tôi không còn phải thức canh nữa|ra đồng cũng không lo mất trộm}",
			"Việc của xóm thì người trong xóm phải lo trước, không thể chỉ chờ công an",
			"Lúc đầu nhiều người còn e ngại, nhưng khi thấy kết quả thì ai cũng muốn góp sức",
			"Mỗi người dân là một tai mắt, có chuyện gì là báo ngay",
			"Chúng tôi không có lương, nhưng giữ được bình yên cho bà con là vui rồi",
			"Con cháu đi làm xa giờ yên tâm hơn vì ở nhà đã có {group} lo",
			"Có chuyện mâu thuẫn là tổ hòa giải đến ngay, nói chuyện phải trái nên ai cũng nghe",
			"Nhờ báo tin kịp thời mà chiếc xe máy của gia đình tôi được tìm lại chỉ sau {n2} giờ",
			"Trước kia tối đến là đóng cửa im ỉm, giờ {trẻ con chơi ngoài ngõ|người già đi tập thể dục} mà không ai lo",
			"Làm lâu rồi thành nếp, không ai phải nhắc ai nữa",
		},
		quoteTail: []string{
			"{person}, {role} ở {hamlet}, chia sẻ.",
			"{person}, một người dân ở {hamlet}, nói.",
			"{person} kể.",
			"{person}, {role}, cho biết.",
		},
		lessonBank: [][2]string{
			{"Dân bàn, dân làm, dân hưởng lợi", "khi người dân được bàn bạc và tự quyết định, họ giữ gìn mô hình như tài sản của chính mình."},
			{"Công khai, minh bạch", "công khai thu chi và kết quả hoạt động là điều kiện để giữ lòng tin của bà con."},
			{"Vai trò của cấp ủy, chính quyền", "sự lãnh đạo, chỉ đạo sát sao của cấp ủy, chính quyền cơ sở quyết định sự bền vững của mô hình."},
			{"Chọn đúng người nòng cốt", "người có uy tín, nhiệt tình làm nòng cốt thì mô hình mới hoạt động thực chất."},
			{"Phối hợp chặt chẽ với công an cơ sở", "{mọi tin báo|mọi thông tin} phải được tiếp nhận, xử lý kịp thời để người dân thấy việc mình làm có kết quả."},
			{"Phù hợp với đặc điểm địa bàn", "cách làm cần linh hoạt, phù hợp phong tục, tập quán và điều kiện kinh tế của từng {hamletType}."},
			{"Khen thưởng kịp thời", "biểu dương những tập thể, cá nhân tiêu biểu tạo động lực để phong trào lan tỏa."},
			{"Công nghệ phải gắn với con người", "thiết bị chỉ phát huy tác dụng khi có lực lượng sẵn sàng phản ứng và người dân biết sử dụng."},
			{"Không để mô hình chỉ còn hình thức", "phải duy trì sinh hoạt đều đặn, kiểm tra, đánh giá định kỳ."},
			{"Gắn an ninh với sinh kế", "giúp người lầm lỗi có việc làm, giúp thanh niên có sân chơi là cách phòng ngừa tội phạm từ gốc."},
			{"Phát huy người có uy tín", "già làng, trưởng bản, chức sắc tôn giáo, trưởng họ có tiếng nói quan trọng trong cộng đồng."},
			{"Tuyên truyền bằng việc cụ thể", "những vụ việc được làm rõ nhờ người dân là bài tuyên truyền thuyết phục nhất."},
			{"Huy động xã hội hóa", "doanh nghiệp, con em xa quê sẵn sàng đóng góp khi thấy hiệu quả rõ ràng."},
			{"Bảo vệ người báo tin", "giữ bí mật cho người tố giác giúp bà con yên tâm lên tiếng."},
			{"Làm điểm rồi mới nhân rộng", "bắt đầu từ một {hamletType}, rút kinh nghiệm rồi mới mở rộng giúp tránh hình thức, lãng phí."},
			{"Quy định rõ quyền riêng tư", "thống nhất từ đầu những việc không được làm để tránh mâu thuẫn giữa các hộ."},
		},
		lessonIntro: []string{
			"Từ thực tế ở {place}, có thể rút ra một số bài học:",
			"Những người làm mô hình ở {hamlet} đúc kết:",
			"Theo {police}, mô hình thành công nhờ mấy điều:",
		},
		lessonClose: []string{
			"Với những kết quả đạt được, mô hình \"{kind}\" ở {place} {đang tiếp tục được nhân rộng|sẽ được duy trì và mở rộng trong thời gian tới}.",
			"{Police} cho biết sẽ {tiếp tục hỗ trợ|đề xuất cấp trên khen thưởng} để mô hình {phát triển bền vững|lan tỏa rộng hơn}.",
			"Bình yên ở {hamlet} hôm nay là kết quả của {years} năm bền bỉ, {mỗi người góp một tay|từ những việc nhỏ nhất}.",
		},
		linkBank: []string{
			"Cách làm này có nhiều điểm giống câu chuyện {link}.",
			"{Group} đã học hỏi kinh nghiệm từ bài viết {link}.",
			"Bạn đọc có thể tham khảo thêm: {link}.",
			"Trước đó, {place} đã tìm hiểu kinh nghiệm qua bài {link}.",
		},
		awards: []string{
			"Bằng khen của Bộ trưởng Bộ Công an",
			"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
			"Bằng khen của Thủ tướng Chính phủ",
			"Giấy khen của Giám đốc Công an tỉnh",
			"Bằng khen của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
		},
		heroRoles: []string{
			"trưởng thôn", "tổ trưởng tổ dân phố", "người có uy tín", "cựu chiến binh",
			"công an viên", "tổ trưởng tổ an ninh", "hòa giải viên", "trưởng họ",
			"bí thư chi bộ", "chi hội trưởng phụ nữ",
		},
		exemplarTitlesPerson: []string{
			"{Hero}, {heroRole} giữ bình yên cho {hamlet}",
			"{Hero}: {years} năm gắn bó với mô hình {kindLower} ở {place}",
			"{Hero} và {thing} ở {hamlet}, {province}",
		},
		exemplarTitlesGroup: []string{
			"{Hero}: từ điểm nóng {crimeMain} thành nơi bình yên",
			"{Hero} giữ bình yên cho {place}",
			"{Hero}, tập thể tiêu biểu của {pcity}",
		},
		exemplarPersonBank: []string{
			"{Hero} năm nay {age} tuổi, {từng là bộ đội|nguyên là giáo viên|là cựu chiến binh|từng làm công nhân nhiều năm}, {nghỉ hưu thì trở về|sinh ra và lớn lên ở} {hamlet}.",
			"Không có lương, {hero} vẫn {ngày nào cũng đi|đêm nào cũng thức cùng tổ}, {gặp từng hộ để vận động|nhắc nhở con cháu trong xóm}.",
			"Nhiều lần {hero} {bị đối tượng đe dọa|phải bỏ dở việc nhà để đi hòa giải}, nhưng {vẫn kiên trì|không nản lòng}.",
			"{Gia đình|Vợ con} {hero} {từng can ngăn|lúc đầu không ủng hộ}, nhưng rồi {cũng cùng tham gia|trở thành hậu phương vững chắc}.",
			"Người dân ở {hamlet} quen gọi {hero} là {\"người giữ lửa\"|\"ông bà an ninh\"|\"người của xóm\"}, {có chuyện gì cũng tìm đến|tin tưởng giao việc khó}.",
			"Trước khi tham gia mô hình, {hero} {làm nghề {job}|vừa {job} vừa nuôi con ăn học}, {cuộc sống còn nhiều vất vả|nhưng luôn sẵn lòng giúp hàng xóm}.",
		},
		exemplarGroupBank: []string{
			"{Hero} được thành lập năm {year0} với {members} thành viên, {phần lớn là người địa phương|có cả lớp trẻ lẫn người cao tuổi}.",
			"Các thành viên {không có lương|chỉ nhận bồi dưỡng ít ỏi}, nhưng {luôn có mặt khi bà con cần|duy trì sinh hoạt đều đặn suốt nhiều năm}.",
			"{Hero} {được bà con tin tưởng|được công an xã đánh giá cao} vì {làm việc gì cũng bàn với dân|luôn công khai mọi khoản thu chi}.",
		},
		exemplarAwardBank: []string{
			"Năm {awardYear}, {hero} được tặng {award} vì thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc.",
			"Với những đóng góp đó, {hero} vinh dự nhận {award} năm {awardYear}.",
		},
		exemplarModelBank: []string{
			"Cách làm của {hero} được kể trong bài {link}.",
			"Xem thêm về mô hình: {link}.",
			"{Hero} đã góp sức xây dựng mô hình được giới thiệu trong bài {link}.",
		},
		newsTitles: []string{
			"Sơ kết {years} năm mô hình {kindLower} tại {province}",
			"Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở {place}, {province}",
			"{Province} nhân rộng mô hình {kindLower} ra {repl} điểm",
			"Khen thưởng {n10} tập thể, cá nhân tiêu biểu trong phong trào bảo vệ an ninh Tổ quốc ở {province}",
			"{Police} ra mắt mô hình {kindLower}",
			"Tập huấn kỹ năng cho lực lượng bảo vệ an ninh, trật tự ở cơ sở tại {province}",
			"Cảnh báo thủ đoạn {scam} ở {province}",
		},
		scams: []string{
			"giả danh công an gọi điện yêu cầu chuyển tiền", "tuyển cộng tác viên bán hàng online",
			"cài ứng dụng giả mạo dịch vụ công", "cho vay tiền qua ứng dụng lãi suất cao",
			"lừa đảo đặt phòng du lịch", "giả mạo nhân viên điện lực",
		},
		newsHeadings: []string{
			"Những con số nổi bật", "Cách làm mới", "Ý kiến người dân", "Thời gian tới",
			"Từ cơ sở", "Những khó khăn còn lại", "Lời khuyên cho người dân",
		},
		newsLead: []string{
			"Ngày {dday}/{dmonth}, {police} {tổ chức|phối hợp tổ chức} {hội nghị sơ kết|buổi gặp mặt|lễ ra mắt} {kindQuote}, với sự tham dự của {n100} đại biểu và người dân.",
			"Sáng {dday}/{dmonth}, tại nhà văn hóa {hamlet}, {place} tổ chức {ngày hội|buổi sinh hoạt chuyên đề} về phong trào toàn dân bảo vệ an ninh Tổ quốc.",
			"Công an {pcity} vừa {ban hành|gửi tới các địa phương} hướng dẫn nhân rộng {kindQuote} trong năm {yn}.",
		},
		newsBank: []string{
			"Theo báo cáo, đến nay toàn {pcity} đã có {repl} điểm áp dụng {kindQuote}, thu hút hơn {n1000} hộ tham gia.",
			"Phát biểu tại {hội nghị|buổi lễ}, lãnh đạo {police} {ghi nhận|đánh giá cao} sự vào cuộc của người dân và các đoàn thể.",
			"Nhiều đại biểu cho rằng {mô hình chỉ bền vững khi người dân thấy rõ lợi ích|cần có thêm kinh phí để duy trì hoạt động|cần ứng dụng công nghệ để tin báo được xử lý nhanh hơn}.",
			"Dịp này, {n10} tập thể và {n10} cá nhân được {khen thưởng|tặng giấy khen} vì {có thành tích xuất sắc|có nhiều đóng góp} trong phong trào.",
			"Trong năm, lực lượng công an cơ sở đã tiếp nhận {n100} tin báo từ người dân, {qua đó làm rõ {n10} vụ việc|giúp phát hiện nhiều đối tượng vi phạm}.",
			"Người dân được hướng dẫn cách {nhận biết thủ đoạn lừa đảo qua mạng|báo tin cho công an qua đường dây nóng|sử dụng bình chữa cháy mini}.",
			"{Police} khuyến cáo người dân {không cung cấp mã OTP cho bất kỳ ai|không chuyển tiền theo yêu cầu qua điện thoại|kiểm tra kỹ thông tin trước khi chia sẻ lên mạng xã hội}.",
			"Tại {ngày hội|buổi gặp mặt}, các {hamletType} {trình diễn|giới thiệu} cách làm của mình, {từ tiếng kẻng, còi báo động đến nhóm Zalo an ninh|có cả tiểu phẩm về phòng, chống ma túy}.",
			"Thời gian tới, {pcity} {đặt mục tiêu|phấn đấu} mỗi xã, phường có ít nhất một mô hình hiệu quả, {gắn với chuyển đổi số|phù hợp với đặc điểm từng địa bàn}.",
			"Những khó khăn còn lại là {kinh phí duy trì hạn chế|một số thành viên lớn tuổi|một số nơi còn làm hình thức}, cần {sự hỗ trợ của cấp trên|sự vào cuộc của doanh nghiệp}.",
			"Sau {years} năm, số vụ phạm pháp hình sự trên địa bàn giảm {pct}%, {không để xảy ra tội phạm nghiêm trọng|nhiều điểm nóng đã được xóa bỏ}.",
			"{Person}, {role} ở {hamlet}, cho biết {bà con ngày càng chủ động báo tin|phong trào được người dân hưởng ứng nhiệt tình}.",
			"Các lực lượng {tăng cường|duy trì} tuần tra, kiểm soát vào {ban đêm|dịp lễ, Tết}, {xử lý nghiêm các trường hợp vi phạm|kịp thời hỗ trợ người dân}.",
			"Ban tổ chức cũng {phát tờ rơi|giới thiệu} các số điện thoại khẩn cấp: 113 báo công an, 114 báo cháy, 115 cấp cứu.",
			"Các đoàn thể {cam kết|thống nhất} {phối hợp chặt chẽ|tiếp tục tuyên truyền} để phong trào {đi vào chiều sâu|không chỉ dừng ở khẩu hiệu}.",
		},
	}
}
