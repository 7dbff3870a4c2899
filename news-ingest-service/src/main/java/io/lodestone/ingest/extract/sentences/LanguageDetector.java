package io.lodestone.ingest.extract.sentences;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names an item's language when its source did not: Chinese when Han characters make up at least
 * a fifth of its letters, else English. Chinese is traditional when characters found only in
 * traditional script outnumber those found only in simplified script (这/這, 国/國, 稀土 is both).
 * A tag the source gave is kept, with the Chinese region tags mapped to their script.
 */
public final class LanguageDetector {

    public static final String ENGLISH = "en";
    public static final String SIMPLIFIED = "zh-Hans";
    public static final String TRADITIONAL = "zh-Hant";

    private static final String SIMPLIFIED_ONLY = "这国说们经发为对时会与产业进关于区门开东车长马见现样头书间觉记让议论设证识话语调请谈读买卖货钱银铁钢"
            + "锂镍钴钨钼铟锑铋镓锗镝铽钕镨钐钆钇钪铈镧铕钬铒铥镱镥价涨贸际务军应该华资权个从众优传伤兴农准刚则创动单厂历压县变号后吗员响团围图"
            + "场坏块坚备复夺奋奖妇学宁实审宽导将尔层岁岛币师带帮广庄废异弃张弹强归当录总战户扩护报担拟择挥换据损摆无旧显暂术机杀杂条来极构标档"
            + "检楼汇汉沟没济渐温湾灭灵灾炉点炼烟热爱独环电画疗监盖盘确码础离种积称稳竞笔筑签简类粮紧纠红约级纪纯纳线练组细织终结给绝统继绩续维"
            + "综绿编缩网罗罚习联胜脑脱艺节苏范荣药获虑补装观规视览誉计订认讨训讯讲许访评诉词译试询详诸课谁谋谢负贡财责败质购贯贴贵贷费赋赏赔"
            + "赖赚赛赶趋跃践轨转轮软轻载较辆输辑边达过迈运还远违连迟适选递逻遗邮钟铜铝链锁错键镇闭问闲闻阀阅队阳阴阵阶陆陈险随隐难雾须顶项顺预"
            + "领频题额风飞饭馆驱验鱼鸟鸡黄齐龙";
    private static final String TRADITIONAL_ONLY = "這國說們經發為對時會與產業進關於區門開東車長馬見現樣頭書間覺記讓議論設證識話語調請談讀買賣貨錢銀鐵鋼"
            + "鋰鎳鈷鎢鉬銦銻鉍鎵鍺鏑鋱釹鐠釤釓釔鈧鈰鑭銪鈥鉺銩鐿鎦價漲貿際務軍應該華資權個從眾優傳傷興農準剛則創動單廠歷壓縣變號後嗎員響團圍圖"
            + "場壞塊堅備復奪奮獎婦學寧實審寬導將爾層歲島幣師帶幫廣莊廢異棄張彈強歸當錄總戰戶擴護報擔擬擇揮換據損擺無舊顯暫術機殺雜條來極構標檔"
            + "檢樓匯漢溝沒濟漸溫灣滅靈災爐點煉煙熱愛獨環電畫療監蓋盤確碼礎離種積稱穩競筆築簽簡類糧緊糾紅約級紀純納線練組細織終結給絕統繼績續維"
            + "綜綠編縮網羅罰習聯勝腦脫藝節蘇範榮藥獲慮補裝觀規視覽譽計訂認討訓訊講許訪評訴詞譯試詢詳諸課誰謀謝負貢財責敗質購貫貼貴貸費賦賞賠"
            + "賴賺賽趕趨躍踐軌轉輪軟輕載較輛輸輯邊達過邁運還遠違連遲適選遞邏遺郵鐘銅鋁鏈鎖錯鍵鎮閉問閒聞閥閱隊陽陰陣階陸陳險隨隱難霧須頂項順預"
            + "領頻題額風飛飯館驅驗魚鳥雞黃齊龍";

    private static final Set<Integer> SIMPLIFIED_CHARS = codePoints(SIMPLIFIED_ONLY);
    private static final Set<Integer> TRADITIONAL_CHARS = codePoints(TRADITIONAL_ONLY);

    static {
        Set<Integer> both = new HashSet<>(SIMPLIFIED_CHARS);
        both.retainAll(TRADITIONAL_CHARS);
        SIMPLIFIED_CHARS.removeAll(both);
        TRADITIONAL_CHARS.removeAll(both);
    }

    private LanguageDetector() {
    }

    public static String language(String given, String title, String text) {
        if (given != null && !given.isBlank()) {
            String tag = given.strip();
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.equals("zh-hans") || lower.equals("zh-cn") || lower.equals("zh-sg")) {
                return SIMPLIFIED;
            }
            if (lower.equals("zh-hant") || lower.equals("zh-tw") || lower.equals("zh-hk") || lower.equals("zh-mo")) {
                return TRADITIONAL;
            }
            if (!lower.equals("zh")) {
                return tag;
            }
            return chineseScript(title + " " + text);
        }
        String all = (title == null ? "" : title) + " " + (text == null ? "" : text);
        int han = 0;
        int latin = 0;
        for (int i = 0; i < all.length(); ) {
            int cp = all.codePointAt(i);
            if (cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' || cp >= 0xC0 && cp < 0x250 && Character.isLetter(cp)) {
                latin++;
            }
            i += Character.charCount(cp);
        }
        if (han > 0 && han * 5 >= han + latin) {
            return chineseScript(all);
        }
        return ENGLISH;
    }

    public static boolean isChinese(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("zh");
    }

    private static String chineseScript(String s) {
        int simplified = 0;
        int traditional = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (SIMPLIFIED_CHARS.contains(cp)) {
                simplified++;
            } else if (TRADITIONAL_CHARS.contains(cp)) {
                traditional++;
            }
            i += Character.charCount(cp);
        }
        return traditional > simplified ? TRADITIONAL : SIMPLIFIED;
    }

    private static Set<Integer> codePoints(String s) {
        Set<Integer> set = new HashSet<>();
        s.codePoints().forEach(set::add);
        return set;
    }
}
