package dev.guard4j.filters.pii;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal names with honest heuristics: runs of capitalised words scored by a title
 * before them ("Dr."), a phrase that introduces a name ("my name is", "Dear"), and whether
 * their words are in short lists of common given names and surnames written for this project.
 *
 * <p>Warning: without a statistical model this misses names that are neither introduced nor in
 * the lists, and it can take a capitalised phrase for a name; the evaluation reports how often.
 */
final class NameRecognizer implements Recognizer {

    private static final int MAX_WORDS = 4;
    private static final int SPEAKER_WINDOW = 300;
    private static final Pattern SPEAKER_LINE = Pattern.compile("(?:^|\\n)[ >]*(\\p{Lu}[\\p{L}]{1,20}):[ \"]");
    private static final double LIST_ANCHOR = 0.6;
    private static final double LIST_MEMBER = 0.55;
    private static final Set<String> TITLES = words(
            "mr mrs ms miss mx dr prof sir madam dame lord lady rev fr sr sra srta herr frau mme mlle");
    private static final Set<String> INTRODUCERS = words(
            "dear hi hello hey thanks thank regards sincerely signed name named called i'm im by with cc attn attention "
            + "contact ask tell met meet is am");
    private static final Set<String> STRONG_INTRODUCERS = words(
            "dear hi hello hey name named called i'm im attn attention signed says said asked told producer director directed author by "
            + "kid son daughter wife husband brother sister mother father mom dad friend boss colleague uncle aunt cousin "
            + "grandma grandpa grandmother grandfather player singer actor actress founder ceo teacher doctor nurse "
            + "neighbor neighbour partner client patient manager assistant lawyer spokesperson");
    /** Phrases that end right before a name ("my name is", "call me"). */
    private static final List<String> INTRODUCING_PHRASES = List.of(
            "name is", "name's", "name:", "name?", "names are", "i'm", "i am", "this is", "call me", "named", "called",
            "maiden name is", "ask for", "speak to", "speak with", "talk to", "talk with");
    /** Phrases after which even a lower-case word is a name. */
    private static final List<String> LOWER_CASE_PHRASES = List.of("my name is ", "name: ", "name's ", "maiden name is ", "calls me ", "call me ");
    /** Line labels that look like a speaker ("Koppány: ...") but are not names. */
    private static final Set<String> LABELS = words(
            "note notes subject address phone email mail name date time re fwd fw warning error question answer user bot "
            + "agent assistant system customer q a tip update summary example from to cc bcc website web mobile desk fax "
            + "home work office tel telephone zip city state country status reason comment comments description title "
            + "when where what who why how yes no ps nb important urgent attention attn step total price cost result e-mail");
    private static final Set<String> GIVEN = words(
            "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald "
            + "steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas "
            + "eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack "
            + "dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian "
            + "keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel "
            + "joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene "
            + "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley "
            + "kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy "
            + "kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel carolyn "
            + "janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan evelyn "
            + "judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn abigail sophia "
            + "frances jean alice judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa "
            + "diana brittany doris kayla alexis lori marie sophie lucy chloe mia ava ella zoe lily leah hugo louis lucas leo "
            + "oliver harry charlie alfie freddie oscar archie theo max felix liam finn luke isaac owen rhys "
            + "hans jan lars sven erik anders johan karl nils per olaf bjorn mikael mats stefan jens klaus jurgen wolfgang "
            + "dieter uwe heinz gunter helmut markus tobias lukas jonas florian sebastian matthias andreas thorsten "
            + "pierre jean jacques michel philippe alain bernard francois nicolas laurent olivier julien antoine mathieu "
            + "marco giuseppe giovanni antonio francesco luca alessandro andrea matteo lorenzo paolo roberto stefano "
            + "carlos luis miguel javier pedro pablo jorge manuel alejandro diego fernando rafael sergio ricardo "
            + "ivan dmitri sergei alexei vladimir nikolai mikhail andrei igor oleg yuri pavel tomasz piotr krzysztof marek "
            + "jakub pawel michal wojciech ahmed mohammed mohamed ali omar hassan yusuf ibrahim mustafa hamza "
            + "wei li ming hiroshi takashi kenji yuki akira satoshi raj amit rahul arjun vikram priya anjali neha pooja "
            + "ingrid astrid karin birgit ulrike sabine petra monika claudia heike anja katrin marta agnieszka "
            + "katarzyna magdalena zofia ewa sofia elena ana carmen lucia isabel paula marta giulia chiara francesca "
            + "valentina martina elisa silvia anne sophie camille chantal nathalie isabelle sylvie monique "
            + "fatima aisha mariam zainab yasmin leila irina olga natalia tatiana svetlana ekaterina anastasia "
            // Nordic, Baltic and Finnish
            + "aino eino juha jukka jouni kari matti mikko pekka sami timo tuomas veikko ville antti heikki hannu "
            + "kirsi liisa maija minna riikka sari satu tiina tuula johanna hanne mette pernille sigrid solveig "
            + "ragnhild ingeborg kristin marit gunnar leif odd rune terje trond sindre jarle magnus mathias elias "
            + "emil oskar axel viktor gustav hugo alvar ebba elin frida linnea saga tove ylva ida maja selma "
            + "jon gudrun sigurdur olafur einar helgi arni bjarni kristjan gardar ragnar thor tomas jonas "
            // Slavic and Hungarian
            + "aleksandr aleksandra anatoly arkady boris bogdan borislav dragan dusan goran zoran milan milos "
            + "miroslav radovan slobodan stanislav vaclav zdenek jiri jaroslav ladislav lubomir ondrej radek "
            + "vojtech zbigniew jerzy janusz kazimierz leszek ryszard tadeusz wieslaw bozena danuta grazyna "
            + "jadwiga krystyna malgorzata renata wanda jelena milica snezana vesna ljiljana dragana ivana "
            + "katerina lenka jana zuzana veronika hana marketa tereza kristyna barbora natasa yelena yevgeny "
            + "yuliya lyudmila galina valentina nadezhda larisa oksana vera zoya vadim valery vitaly yaroslav "
            + "laszlo istvan zoltan gabor tamas ferenc attila sandor janos gyorgy csaba peter bence mate "
            + "zsofia zsuzsanna erzsebet katalin ildiko krisztina eszter aniko agnes timea reka "
            // Greek, Turkish, Arabic, Persian
            + "giorgos georgios dimitris dimitrios konstantinos nikos nikolaos yannis ioannis christos spyros "
            + "vasilis eleni maria sofia katerina despina athena mehmet mustafa emre burak murat ahmet serkan "
            + "ayse fatma zeynep elif emine hatice yusuf khalid tariq karim rashid samir walid nabil faisal "
            + "hamid reza mehdi ali hossein parisa maryam shirin nasrin farid amir dariush "
            // Iberian, Italian, Latin American
            + "alejandra beatriz carolina catalina daniela gabriela guadalupe juana lorena marisol mercedes "
            + "rosa ximena alberto alfonso andres arturo cesar emilio enrique esteban federico gonzalo gustavo "
            + "hector ignacio jaime joaquin julio leonardo lorenzo marcelo mario martin mauricio nicolas octavio "
            + "oscar rodrigo salvador santiago tomas vicente joao thiago gabriel rafael diogo goncalo "
            + "beatrice chiara elena federica giorgia ilaria laura noemi serena simona alessio davide emanuele "
            + "fabio filippo gianluca massimo riccardo salvatore vincenzo enrico fausto "
            // Dutch, German, French
            + "bram daan joost sander thijs wouter ruben sem lotte femke anouk sanne fleur "
            + "bernd detlef gerhard horst joachim manfred rainer reinhard rolf werner wilhelm gisela hildegard "
            + "ingrid ursula waltraud lena lea leonie marie amelie clara greta "
            + "amelie aurelie brigitte celine delphine helene margaux manon lea chloe "
            + "cedric etienne fabien gilles guillaume jerome lucien maxime mathis remi thierry yves "
            // East and South Asian
            + "haruto yuto sota ren riku kaito akiko hanako keiko naoko sakura yui yuna aiko tomomi shintaro "
            + "hiroko kazuki kenta takumi daiki ryota jun min seo ji hye eun young soo hyun jae "
            + "aarav vivaan aditya ishaan deepak sanjay suresh ramesh rajesh anil sunil vijay ravi sachin "
            + "lakshmi sunita kavita meena anita divya sneha shreya ananya aisha "
            // African
            + "kwame kofi kwabena yaw ama akua abena chinedu chidi emeka ngozi adaeze oluwaseun tunde femi "
            + "amara nia zuri thabo sipho themba lindiwe nomvula");
    private static final Set<String> SURNAMES = words(
            "smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson "
            + "anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson "
            + "walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell "
            + "mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris "
            + "morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward "
            + "richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders "
            + "patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson "
            + "barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin "
            + "wallace west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall "
            + "owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman webb tucker guzman "
            + "burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks "
            + "holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels "
            + "ferguson nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce "
            + "muller mueller schneider fischer weber becker schulz hoffmann koch richter klein wolf schroder neumann "
            + "schwarz zimmermann braun kruger hofmann hartmann lange werner krause lehmann kohler maier "
            + "dubois durand leroy moreau simon laurent lefebvre michel david bertrand roux vincent fournier morel girard "
            + "rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa giordano "
            + "nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski ivanov petrov "
            + "smirnov kuznetsov popov sokolov novak svoboda horvat kovac nagy toth szabo jensen nielsen hansen pedersen "
            + "andersen larsen johansson andersson karlsson nilsson eriksson larsson olsen virtanen korhonen nieminen "
            + "kowalski jansen janssen de vries bakker visser smit meijer mulder bos vos peters hendriks "
            + "wang zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo sato suzuki takahashi tanaka watanabe ito "
            + "yamamoto nakamura kobayashi singh kumar sharma gupta shah khan ahmed ali hussain rahman");
    private static final Set<String> NOT_NAMES = words(
            "the a an this that these those there here it its i we you he she they my your our their his her what who why "
            + "how when where which if but and or so yes no not please thanks thank hello hi dear ok okay sorry sure well "
            + "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
            + "september october november december today tomorrow yesterday god christmas easter street road avenue "
            + "english french german spanish italian chinese japanese american british european internet email phone "
            + "account bank card credit company inc ltd llc corp university college school hospital church city state "
            + "north south east west new old big great little first last best mr mrs ms dr prof sir madam user admin "
            + "customer agent manager support team service department office group club center centre museum park lake "
            + "river mount bay island apt suite unit box floor order invoice ticket number name address date time "
            + "is are was were be been do does did have has had can could will would should shall might must let "
            + "after before during since until while also just only even still then than as at by for from in into of on "
            + "to with about over under up down out off again all any both each few more most other some such own same "
            + "very too one two three four five six seven eight nine ten good bad happy my mine what's it's that's "
            + "i'm i've i'll i'd you're you've he's she's let's there's here's who's don't can't won't isn't bot");

    /** Names carry their own context rules (titles, introducers, verbs), so the generic boost is off. */
    private static final String[] CONTEXT = {};
    /** Endings that mark a surname in many languages (Andersson, Jónsdóttir, Kowalska, Petrović, Popescu, Papadopoulos). */
    private static final List<String> SURNAME_ENDINGS = List.of(
            "sson", "dottir", "dóttir", "sen", "son", "ová", "ova", "ov", "ev", "eva", "ski", "ska", "sky", "ský", "wicz",
            "vić", "vic", "ić", "escu", "opoulos", "poulos", "idis", "akis", "ian", "yan", "enko", "chuk", "czyk",
            "berg", "mann", "stein", "ini", "elli", "etti", "ucci", "oglu", "oğlu", "zadeh", "kova", "shvili", "dze",
            "uk", "ak", "ák", "ek", "ez", "ovich", "evich", "ovna", "evna", "ssen", "stad", "strom", "ström", "quist",
            "qvist", "gaard", "gård", "lund", "dahl", "nen", "inen", "ainen", "mura", "moto", "yama", "kawa", "shima",
            "naga", "uchi");
    /** Verbs that, right after a capitalised word, say it is a person. */
    private static final Set<String> PERSON_VERBS = words(
            "said says shouted asked replied told wrote lives lived explained added listed spent smiled laughed cried "
            + "whispered married answered shouted texted called emailed had began");
    /** Words that open a sentence with a comma without being a name ("However, ..."). */
    private static final Set<String> DISCOURSE = words(
            "however also then now first second finally meanwhile sure great cool right look listen see well so "
            + "still besides instead otherwise therefore thus hence indeed anyway alright fine agreed sadly luckily "
            + "again today tomorrow yesterday tonight later earlier recently currently unfortunately honestly");
    /** A last word like these makes a capitalised run an organisation or a place, not a person. */
    private static final Set<String> NON_PERSON_SUFFIXES = words(
            "inc ltd llc plc corp corporation company co group holdings partners associates solutions services systems "
            + "technologies technology consulting investments capital bank insurance union orchestra band university "
            + "college school institute foundation agency society association council committee hospital clinic labs "
            + "media studios records magazine news times journal springs city county island islands mountains valley "
            + "river lake beach airport station square street road avenue lane drive court boulevard stripes pleasures "
            + "republic kingdom states statement info " + AddressRecognizer.STREET_SUFFIX_WORDS.toLowerCase(java.util.Locale.ROOT));

    @Override
    public List<String> categories() {
        return List.of("NAME");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        String text = scan.text();
        int i = 0;
        int n = text.length();
        List<double[]> runs = new java.util.ArrayList<>();
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isUpperCase(c) || (i > 0 && isNameChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int[] words = new int[MAX_WORDS * 2];
            int count = 0;
            int at = i;
            while (count < MAX_WORDS) {
                int end = capitalisedWordEnd(text, at);
                if (end < 0 || NOT_NAMES.contains(lowerWord(text, at, end))) {
                    break;
                }
                words[count * 2] = at;
                words[count * 2 + 1] = end;
                count++;
                // a middle initial ("Szabina J Gelencsér", "John F. Kennedy") continues the name
                int next = end;
                if (next < n && text.charAt(next) == '.' && end - at == 1) {
                    next++;
                }
                if (next + 1 < n && text.charAt(next) == ' ' && Character.isUpperCase(text.charAt(next + 1))) {
                    at = next + 1;
                } else {
                    break;
                }
            }
            if (count == 0) {
                i = skipWord(text, i);
                continue;
            }
            int start = words[0];
            int end = words[count * 2 - 1];
            runs.add(new double[] {start, end, count, score(text, words, count)});
            i = end;
        }
        propagateThroughLists(text, runs);
        lowerCaseAfterPhrases(scan, out);
        for (double[] run : runs) {
            if (run[3] > 0) {
                out.add(new Candidate("pii.name", "NAME", (int) run[0], (int) run[1], run[3], CONTEXT));
            }
        }
    }

    /** "my name is borna jerković but ...": after a phrase that can only introduce a name, take up to three words. */
    private static void lowerCaseAfterPhrases(TextScan scan, List<Candidate> out) {
        String text = scan.text();
        String lower = null;
        for (String phrase : LOWER_CASE_PHRASES) {
            if (lower == null) {
                lower = scan.lowerCase();
            }
            int at = lower.indexOf(phrase);
            while (at >= 0) {
                int i = at + phrase.length();
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                int start = i;
                int end = i;
                int words = 0;
                while (words < 3 && i < text.length() && Character.isLowerCase(text.charAt(i))) {
                    int wordEnd = i;
                    while (wordEnd < text.length() && (Character.isLetter(text.charAt(wordEnd)) || text.charAt(wordEnd) == '.')) {
                        wordEnd++;
                    }
                    String word = text.substring(i, wordEnd).toLowerCase(java.util.Locale.ROOT);
                    if (NOT_NAMES.contains(word) || wordEnd - i > 20) {
                        break;
                    }
                    end = wordEnd;
                    words++;
                    i = wordEnd;
                    if (i < text.length() && text.charAt(i) == ' ') {
                        i++;
                    } else {
                        break;
                    }
                }
                while (end > start && text.charAt(end - 1) == '.') {
                    end--;
                }
                if (words > 0 && end > start) {
                    out.add(new Candidate("pii.name", "NAME", start, end, 0.7, CONTEXT));
                }
                at = lower.indexOf(phrase, at + phrase.length());
            }
        }
    }

    /**
     * "Kateřina, James, Christopher and Terri": single words joined by commas or "and" to a
     * word already taken for a given name are names too.
     */
    private static void propagateThroughLists(String text, List<double[]> runs) {
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < runs.size(); r++) {
                double[] run = runs.get(r);
                if (run[3] >= LIST_MEMBER || run[3] == 0 || run[2] != 1) {
                    continue;
                }
                boolean linked = r > 0 && runs.get(r - 1)[3] >= LIST_ANCHOR && joinedAsList(text, (int) runs.get(r - 1)[1], (int) run[0])
                        || r + 1 < runs.size() && runs.get(r + 1)[3] >= LIST_ANCHOR && joinedAsList(text, (int) run[1], (int) runs.get(r + 1)[0]);
                if (linked) {
                    run[3] = LIST_MEMBER;
                }
            }
        }
    }

    private static boolean joinedAsList(String text, int leftEnd, int rightStart) {
        if (rightStart <= leftEnd || rightStart - leftEnd > 6) {
            return false;
        }
        String between = text.substring(leftEnd, rightStart);
        return between.equals(", ") || between.equals(" and ") || between.equals(", and ") || between.equals(" & ");
    }

    private static double score(String text, int[] words, int count) {
        int start = words[0];
        String previous = previousWord(text, start);
        boolean sentenceStart = atSentenceStart(text, start);
        int known = 0;
        boolean firstIsGiven = GIVEN.contains(lowerWord(text, words[0], words[1]));
        boolean lastIsSurname = count > 1 && SURNAMES.contains(lowerWord(text, words[count * 2 - 2], words[count * 2 - 1]));
        for (int w = 0; w < count; w++) {
            String word = lowerWord(text, words[w * 2], words[w * 2 + 1]);
            if (GIVEN.contains(word) || SURNAMES.contains(word)) {
                known++;
            }
        }
        if (previous != null && TITLES.contains(previous)) {
            return 0.85;
        }
        String last = lowerWord(text, words[count * 2 - 2], words[count * 2 - 1]);
        if (NON_PERSON_SUFFIXES.contains(last.endsWith(".") ? last.substring(0, last.length() - 1) : last)) {
            return 0;
        }
        if (beforeOrganisationWord(text, words[count * 2 - 1])) {
            return 0;
        }
        if (afterNumber(text, start)) {
            // "24 Clarke Avenue", "Suite 541 6343 Skogstien": a capitalised word after a number is a street or a place
            return 0;
        }
        if (hasMiddleInitial(text, words, count)) {
            return 0.8;
        }
        String following = nextWord(text, words[count * 2 - 1]);
        if (following != null && PERSON_VERBS.contains(following)) {
            return 0.7;
        }
        if (count > 1 && count <= 3 && aloneOnLineBeforeAddress(text, start, words[count * 2 - 1])) {
            return 0.65;
        }
        if (("at".equals(previous) || "to".equals(previous)) && PERSON_VERBS.contains(wordBefore(text, start, 2))) {
            return 0.65;
        }
        if (count == 1 && speakerLabel(text, start, words[count * 2 - 1])) {
            return 0.6;
        }
        if (count == 1 && vocative(text, start, words[1])) {
            return 0.55;
        }
        if (previous != null && STRONG_INTRODUCERS.contains(previous) || introducedByPhrase(text, start)) {
            return 0.8;
        }
        if (firstIsGiven && lastIsSurname) {
            return 0.85;
        }
        if (firstIsGiven && count > 1) {
            return 0.75;
        }
        boolean lastLooksLikeSurname = hasSurnameEnding(lowerWord(text, words[count * 2 - 2], words[count * 2 - 1]));
        if (count > 1 && count <= 3 && lastLooksLikeSurname) {
            return 0.65;
        }
        if (known > 0 && count > 1) {
            // "Quick Brown Fox": a listed word in the wrong place is weak evidence
            return 0.45;
        }
        if (firstIsGiven) {
            return sentenceStart ? 0.5 : 0.6;
        }
        if (known > 0) {
            // a lone surname is as often a company ("Clark, Romero and Hall") as a person
            return sentenceStart ? 0.3 : 0.45;
        }
        if (previous != null && INTRODUCERS.contains(previous) && count > 1) {
            return 0.55;
        }
        if (count > 1 && !sentenceStart) {
            return 0.35;
        }
        return count > 1 ? 0.25 : 0.1;
    }

    /** Returns the end of a capitalised word starting at {@code at} (Upper then lower-case letters), or -1. */
    private static int capitalisedWordEnd(String text, int at) {
        if (at >= text.length() || !Character.isUpperCase(text.charAt(at))) {
            return -1;
        }
        int end = at + 1;
        int lower = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Character.isLowerCase(c)) {
                lower++;
            } else if ((c == '\'' || c == '’') && end + 1 < text.length() && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S')
                    && (end + 2 >= text.length() || !Character.isLetter(text.charAt(end + 2)))) {
                // a possessive ("Asya's") ends the name
                break;
            } else if ((c == '\'' || c == '-' || c == '’') && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))) {
                lower++;
            } else if (!Character.isLetter(c)) {
                break;
            } else if (Character.isUpperCase(c) && lower == 0) {
                // ALL-CAPS words are acronyms or shouting, not names
                return -1;
            }
            end++;
        }
        if (end - at == 1) {
            return end;
        }
        return lower > 0 && end - at <= 30 ? end : -1;
    }

    /** "Civic Impulse LLC", "Fuse TV": a run followed by an acronym or a company word is not a person. */
    private static boolean beforeOrganisationWord(String text, int end) {
        if (end >= text.length() || text.charAt(end) != ' ') {
            return false;
        }
        int wordEnd = end + 1;
        boolean allCaps = true;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd)) && wordEnd - end < 16) {
            allCaps &= Character.isUpperCase(text.charAt(wordEnd));
            wordEnd++;
        }
        int length = wordEnd - end - 1;
        if (length == 0) {
            return false;
        }
        String word = text.substring(end + 1, wordEnd).toLowerCase(java.util.Locale.ROOT);
        return (allCaps && length >= 2 && length <= 5) || NON_PERSON_SUFFIXES.contains(word);
    }

    private static boolean introducedByPhrase(String text, int start) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        String before = text.substring(Math.max(0, end - 20), end).toLowerCase(java.util.Locale.ROOT);
        for (String phrase : INTRODUCING_PHRASES) {
            if (before.endsWith(phrase)) {
                int at = before.length() - phrase.length();
                if (at == 0 || !Character.isLetter(before.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the {@code n}-th word before {@code start} (1 is the previous word), lower-cased, or an empty string. */
    private static String wordBefore(String text, int start, int n) {
        int i = start;
        String word = "";
        for (int k = 0; k < n; k++) {
            while (i > 0 && !Character.isLetter(text.charAt(i - 1))) {
                if (start - i > 8) {
                    return "";
                }
                i--;
            }
            int end = i;
            while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
                i--;
            }
            word = text.substring(i, end).toLowerCase(java.util.Locale.ROOT);
        }
        return word;
    }

    /** "Koppány: Who are you?": a capitalised word opening a line and followed by a colon names a speaker. */
    private static boolean speakerLabel(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '>')) {
            before--;
        }
        if (before >= 0 && text.charAt(before) != '\n') {
            return false;
        }
        if (end + 2 >= text.length() || text.charAt(end) != ':' || text.charAt(end + 1) != ' ') {
            return false;
        }
        if (LABELS.contains(text.substring(start, end).toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        // one "Word: ..." line is a heading; a dialogue has other speaker lines nearby
        Matcher other = SPEAKER_LINE.matcher(text);
        other.region(Math.max(0, start - SPEAKER_WINDOW), Math.min(text.length(), end + SPEAKER_WINDOW));
        while (other.find()) {
            if (other.start(1) != start) {
                return true;
            }
        }
        return false;
    }

    /** "Kuba, can I please speak to you": a word opening the text or a line, then a comma and a lower-case word. */
    private static boolean vocative(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '>' || text.charAt(before) == '"')) {
            before--;
        }
        if (before >= 0 && text.charAt(before) != '\n') {
            return false;
        }
        if (end + 2 >= text.length() || text.charAt(end) != ',' || text.charAt(end + 1) != ' ' || !Character.isLowerCase(text.charAt(end + 2))) {
            return false;
        }
        String word = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        return !word.endsWith("ly") && !DISCOURSE.contains(word) && !LABELS.contains(word);
    }

    private static boolean hasSurnameEnding(String word) {
        if (word.length() < 5) {
            return false;
        }
        for (String ending : SURNAME_ENDINGS) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMiddleInitial(String text, int[] words, int count) {
        for (int w = 1; w < count - 1; w++) {
            if (words[w * 2 + 1] - words[w * 2] == 1) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterNumber(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && i < start - 1 && Character.isDigit(text.charAt(i));
    }

    private static String nextWord(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ' && i - end < 3) {
            i++;
        }
        int wordEnd = i;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd)) && wordEnd - i < 12) {
            wordEnd++;
        }
        return wordEnd > i ? text.substring(i, wordEnd).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** A line holding only the name, with an address or another short line after it: a letter head, a contact card. */
    private static boolean aloneOnLineBeforeAddress(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '>')) {
            before--;
        }
        if (before >= 0 && text.charAt(before) != '\n') {
            return false;
        }
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        if (after >= text.length() || text.charAt(after) != '\n') {
            return false;
        }
        while (after < text.length() && (text.charAt(after) == '\n' || text.charAt(after) == ' ' || text.charAt(after) == '>')) {
            after++;
        }
        return after < text.length() && (Character.isDigit(text.charAt(after)) || text.startsWith("P.O", after)
                || Character.isLetter(text.charAt(after)) && lineLength(text, after) <= 40);
    }

    private static int lineLength(String text, int from) {
        int end = text.indexOf('\n', from);
        return (end < 0 ? text.length() : end) - from;
    }

    private static boolean atSentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '\'' || text.charAt(i) == '>' || text.charAt(i) == '(')) {
            i--;
        }
        return i < 0 || ".!?\n\r:;".indexOf(text.charAt(i)) >= 0;
    }

    private static String previousWord(String text, int start) {
        int end = start - 1;
        while (end >= 0 && (text.charAt(end) == ' ' || text.charAt(end) == '.' || text.charAt(end) == ',' || text.charAt(end) == ':')) {
            if (start - end > 6) {
                return null;
            }
            end--;
        }
        if (end < 0) {
            return null;
        }
        int begin = end;
        while (begin > 0 && (Character.isLetter(text.charAt(begin - 1)) || text.charAt(begin - 1) == '\'')) {
            begin--;
        }
        if (end - begin > 12) {
            return null;
        }
        return lowerWord(text, begin, end + 1);
    }

    private static int skipWord(String text, int i) {
        int j = i + 1;
        while (j < text.length() && isNameChar(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '-' || c == '_' || c == '@';
    }

    private static String lowerWord(String text, int start, int end) {
        return text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> words(String list) {
        return Set.copyOf(java.util.Arrays.asList(list.split(" ")));
    }
}
