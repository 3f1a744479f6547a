/// The word-level tie-breaker for languages whose character n-grams are nearly the same: ms/id, hr/sr/sl, nb/da,
/// cs/sk, ca/es, pt/es, ur/fa, bg/ru.
///
/// Each group lists, per language, common words whose spelling or choice marks that language against the others in
/// the group (for example Malay `kerana`, `wang`, `selepas` against Indonesian `karena`, `uang`, `setelah`). The lists
/// were written by hand from grammars and spelling rules, not learned from the evaluation data. When the two best
/// n-gram candidates fall in one group, the language with more marker words in the text wins (see `MarkerWords`).
///
/// ```swift
/// ClosePairWords.groups.first { $0.keys.contains("ms") }?["ms"]?.contains("kerana") // true
/// ```
enum ClosePairWords {
    static let groups: [[String: [String]]] = [
        [
            "ms": [
                "kerana", "wang", "selepas", "sahaja", "cuba", "mahu", "percuma", "iaitu", "bahawa", "antarabangsa",
                "syarikat", "kenderaan", "telefon", "polis", "universiti", "sekiranya", "baharu", "sila", "encik",
                "puan", "awak", "menerusi", "sebarang", "kat", "je", "kempen", "peratus", "maklumat", "perkhidmatan",
                "tempatan", "jumaat", "khamis",
            ],
            "id": [
                "karena", "uang", "setelah", "saja", "coba", "mau", "mobil", "kantor", "gratis", "pemerintah", "yaitu",
                "bahwa", "internasional", "perusahaan", "kendaraan", "telepon", "polisi", "universitas", "besok",
                "kemarin", "silakan", "bapak", "bisa", "nggak", "gak", "banget", "dong", "sih", "aja", "kok", "udah",
                "gimana", "kalian", "provinsi", "kabupaten", "persen", "informasi", "layanan", "usulan", "setempat",
                "jumat", "kamis", "lho",
            ],
        ],
        [
            "hr": [
                "tko", "što", "tisuća", "tjedan", "kruh", "sveučilište", "glazba", "zrakoplov", "vlak", "općina",
                "točno", "povijest", "znanost", "obitelj", "vrijeme", "mjesto", "dijete", "rijeka", "lijepo", "pjesma",
                "riječ", "svijet", "svijeta", "vrijeme", "mjesta", "mjeseci", "bijeli", "uvijek", "ovdje", "htio",
                "gdje", "netko", "nešto", "ništa", "nitko", "opći", "siječanj", "veljača", "ožujak", "travanj",
                "svibanj", "lipanj", "srpanj", "kolovoz", "rujan", "listopad", "studeni", "prosinac", "hrvatska",
                "hrvatske", "bit", "ću", "ćemo", "jučer", "sutra", "kazalište", "tvornica", "prijatelj",
            ],
            "sl": [
                "in", "so", "tudi", "zelo", "ker", "lahko", "sem", "kot", "še", "več", "vse", "kaj", "ki", "če", "bil",
                "zdaj", "kjer", "danes", "jih", "naj",
            ],
            "sr": [
                "ko", "šta", "hiljada", "nedelja", "hleb", "univerzitet", "muzika", "avion", "voz", "opština", "tačno",
                "istorija", "nauka", "porodica", "vreme", "mesto", "dete", "reka", "lepo", "pesma", "reč", "svet",
                "sveta", "meseci", "beli", "uvek", "ovde", "hteo", "neko", "nešto", "ništa", "niko", "opšti", "januar",
                "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar", "oktobar", "novembar",
                "decembar", "srbija", "srbije", "juče", "pozorište", "fabrika", "prijatelj", "kaže", "takođe",
                "ukoliko", "mesec", "dve", "deca", "lekar",
            ],
        ],
        [
            "nb": [
                "hva", "av", "mye", "noe", "nå", "ble", "dere", "fikk", "sier", "etter", "mellom", "tilbake", "gjennom",
                "enn", "vært", "gjøre", "ut", "opp", "mot", "uke", "kjøpe", "blitt", "noen", "sånn", "henne", "oss",
                "ikke", "jeg", "hvordan", "kunne", "skulle", "også", "være", "får", "bli", "eller", "kanskje", "hun",
                "hennes", "dette", "disse", "mange", "hvor", "selv", "seg", "sitt", "sine", "norge", "norske", "ingen",
                "noen", "veldig", "kjempe", "tror", "synes", "nok", "dag",
            ],
            "da": [
                "hvad", "af", "meget", "noget", "nu", "blev", "jer", "fik", "siger", "efter", "mellem", "tilbage",
                "gennem", "end", "været", "gøre", "ud", "op", "mod", "uge", "købe", "blevet", "nogen", "sådan", "hende",
                "os", "ikke", "jeg", "hvordan", "kunne", "skulle", "også", "være", "får", "blive", "eller", "måske",
                "hun", "hendes", "dette", "disse", "mange", "hvor", "selv", "sig", "sit", "sine", "danmark", "danske",
                "ingen", "nogle", "rigtig", "synes", "tror", "nok", "dag", "lige", "spørgsmål",
            ],
        ],
        [
            "sk": [
                "sa", "nie", "ako", "som", "aj", "alebo", "čo", "ešte", "keď", "veľmi", "sú", "bol", "bola", "boli",
                "ktorý", "ktorá", "ktoré", "môže", "pre", "len", "ich", "tiež", "preto", "teda", "pri", "medzi",
                "podľa", "viac", "mať", "byť", "iba", "však", "všetko", "ďalšie", "slovensko", "slovenskej", "už",
                "kde", "jeho", "potom", "ale", "alebo", "tento", "táto", "toto", "tak", "ani", "svoje", "mám",
            ],
            "cs": [
                "se", "ne", "jako", "jsem", "i", "nebo", "co", "ještě", "když", "velmi", "jsou", "byl", "byla", "byli",
                "který", "která", "které", "může", "pro", "jen", "jejich", "také", "proto", "tedy", "při", "mezi",
                "podle", "více", "mít", "být", "pouze", "však", "všechno", "další", "česko", "české", "už", "kde",
                "jeho", "potom", "ale", "nebo", "tento", "tato", "toto", "tak", "ani", "své", "mám",
            ],
        ],
        [
            "ca": [
                "els", "les", "amb", "per", "és", "dels", "i", "però", "molt", "més", "seu", "seva", "aquest",
                "aquesta", "també", "quan", "perquè", "fer", "són", "hi", "ho", "fins", "any", "anys", "mateix",
                "després", "això", "tot", "tots", "totes", "dues", "sense", "com", "ara", "aquí", "nostre", "nostra",
                "cap", "havia", "ser", "tenen", "pot", "poden", "catalunya", "barcelona", "ja", "doncs", "encara",
                "mai", "res", "sobre", "entre", "l'any", "gran", "bé", "jo", "vostè", "meu",
            ],
            "es": [
                "los", "las", "con", "por", "para", "y", "pero", "muy", "más", "su", "sus", "este", "esta", "también",
                "cuando", "porque", "hacer", "son", "hay", "hasta", "año", "años", "mismo", "después", "eso", "todo",
                "todos", "todas", "dos", "sin", "como", "fue", "ahora", "aquí", "nuestro", "nuestra", "ningún", "había",
                "ser", "tienen", "puede", "pueden", "españa", "madrid", "ya", "pues", "todavía", "nunca", "nada",
                "sobre", "entre", "gran", "bien", "yo", "usted", "mi", "lo",
            ],
        ],
        [
            "pt": [
                "não", "são", "também", "com", "uma", "do", "dos", "das", "em", "ao", "às", "pelo",
                "pela", "pelos", "pelas", "você", "muito", "mais", "isso", "isto", "esse", "essa", "ele", "ela", "eles",
                "elas", "foi", "há", "até", "quando", "onde", "então", "ainda", "sem", "só", "depois", "agora", "nós",
                "seu", "sua", "meu", "minha", "fazer", "ter", "ano", "anos", "cidade", "governo", "já", "não",
            ],
            "es": [
                "el", "los", "las", "del", "y", "pero", "muy", "hay", "fue", "con", "una", "en", "más", "sin", "ya",
                "eso", "esto", "ese", "esa", "él", "ella", "ellos", "donde", "cuando", "entonces", "todavía", "después",
                "ahora", "nosotros", "hacer", "tener", "año", "años", "ciudad", "gobierno", "hasta",
            ],
        ],
        [
            "ur": [
                "اور", "کے", "کی", "میں", "سے", "کو", "نے", "ہے", "ہیں", "یہ", "وہ", "تھا", "تھی", "پر", "لیے", "ساتھ",
                "بھی", "کیا", "گیا", "اس", "ان", "ایک",
            ],
            "fa": [
                "است", "این", "که", "را", "از", "با", "برای", "می", "بود", "شد", "های", "آن", "ها", "هم", "تا", "یک",
                "شده", "کرد", "بر", "نیز", "اما",
            ],
        ],
        [
            "bg": [
                "се", "са", "е", "че", "това", "като", "които", "който", "която", "което", "със", "във", "ще", "има",
                "след", "беше", "бяха", "всички", "тази", "този", "тук", "сега", "само", "година", "години", "също",
                "ние", "вие", "те", "тя", "той",
            ],
            "ru": [
                "что", "это", "как", "который", "которые", "была", "был", "были", "есть", "его", "она", "они", "мы",
                "вы", "также", "только", "после", "сейчас", "здесь", "год", "года", "лет", "все", "этот", "эта",
                "будет", "можно", "нет", "уже", "если", "когда", "чтобы", "очень",
            ],
        ],
    ]
}
