package dev.guard4j.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds street addresses by their grammar: a house number with capitalised words and a street
 * suffix ("90 Whitchurch Road"), a street word with a number in the European order
 * ("Via delle Coste 41", "Kiannonkatu 98"), unit designators ("Apt. 805") and military or
 * post-office boxes. A heuristic: it knows no gazetteer.
 */
final class AddressRecognizer implements Recognizer {

    /** Street suffixes (USPS and common British forms), as words. */
    static final String STREET_SUFFIX_WORDS = "Street Avenue Road Boulevard Lane Drive Court Place Square Terrace Way Parkway "
            + "Highway Circle Trail Crescent Close Row Alley Gardens Grove Hill Park Walk Mews Loop Pike Plaza Point Ridge Run "
            + "Crossing Path Expressway Freeway Green Gate View Meadows Annex Arcade Bluff Bluffs Bottom Branch Bridge Brook "
            + "Brooks Burg Burgs Bypass Camp Canyon Cape Causeway Center Centers Cliff Cliffs Common Commons Corner Corners "
            + "Cove Coves Creek Crest Crossroad Curve Dale Dam Divide Estate Estates Extension Falls Ferry Field Fields Flat "
            + "Flats Ford Fords Forest Forge Forges Fork Forks Fort Freeway Garden Gateway Glen Glens Harbor Harbors Haven "
            + "Heights Hills Hollow Inlet Island Islands Isle Junction Junctions Key Keys Knoll Knolls Lake Lakes Landing "
            + "Light Lights Lock Locks Lodge Mall Manor Manors Meadow Mill Mills Mission Motorway Mount Mountain Mountains "
            + "Neck Orchard Oval Overpass Pass Passage Pine Pines Plain Plains Port Ports Prairie Radial Ramp Ranch Rapid "
            + "Rapids Rest Ridges River Roads Route Shoal Shoals Shore Shores Skyway Spring Springs Spur Spurs Squares "
            + "Station Stravenue Stream Streets Summit Throughway Trace Track Trafficway Tunnel Turnpike Underpass Union "
            + "Unions Valley Valleys Viaduct Village Villages Ville Vista Walks Wall Ways Well Wells";
    private static final String WORD = "[\\p{Lu}][\\p{L}'’.-]{0,24}";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Square|Sq"
            + "|Terrace|Ter|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Crescent|Cres|Close|Row|Alley|Gardens|Grove"
            + "|Str|" + STREET_SUFFIX_WORDS.replace(' ', '|') + ")";
    /** Street words written apart from the name and before the number ("Piroska u. 97", "Hoog St 12"). */
    private static final String SEPARATE_SUFFIX = "(?:u\\.|út|útja|utca|str\\.?|Str\\.?|St\\.?|ulica|gasse|straße|strasse|weg|vej|gade|gata|gatan"
            + "|veien|vei|katu|tie|laan|straat|rue|via)";
    private static final String LEADING_NUMBERS = "(?:\\d{1,6}\\s+){0,2}";
    private static final String UNIT = "(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Flat|Room|Rm)\\.?\\s?#?\\d{1,5}[A-Za-z]?";
    private static final String EURO_SUFFIX = "(?:katu|tie|kuja|gatan|gata|vägen|väg|veien|vei|vegen|vej|gade|straße|strasse|str\\.|weg|gasse"
            + "|allee|platz|laan|straat|plein|gracht|utca|ulica|damm|ufer|steig|stieg|torget|torg|plads|polku|rinne)";
    private static final String EURO_PREFIX = "(?:Via|Viale|Piazza|Corso|Largo|Rue|Avenue|Boulevard|Bd|Chemin|Allée|Impasse|Calle|Avenida|Av\\.|Plaza"
            + "|Paseo|Camino|Carrer|Rua|Praça|Travessa|Ulica|ul\\.|Aleja|Str\\.|Strada|Bulevardul|Odos|Οδός|Πλατεία|Λεωφόρος)";

    private static final Pattern US_STYLE = Pattern.compile(
            "(?<![\\w/.-])(?:\\d{1,6}\\s+)?\\d{1,6}[A-Za-z]?(?:\\s+[NSEW]\\.?)?(?:\\s+" + WORD + "){1,4}?\\s+" + SUFFIX + "\\b\\.?"
            + "(?:,?\\s+" + UNIT + ")?"
            + "(?:,?\\s+" + WORD + "(?:\\s" + WORD + "){0,2},?\\s+[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?)?");
    private static final Pattern EURO_STYLE = Pattern.compile(
            "(?<![\\w])" + LEADING_NUMBERS + "(?:[\\p{Lu}][\\p{Ll}]{3,30}" + EURO_SUFFIX + "|" + EURO_PREFIX + "(?:\\s+[\\p{L}'’.-]{1,25}){1,4}?"
            + "|[\\p{Lu}][\\p{L}]{1,25}(?:\\s+[\\p{Lu}][\\p{L}]{1,25})?\\s+" + SEPARATE_SUFFIX + ")\\s+\\d{1,5}[A-Za-z]?\\.?(?![\\w])"
            + "(?:,?\\s+" + UNIT + ")?");
    /** A line that opens with a building number, a street name and a house number ("20789 Allika 46"). */
    private static final Pattern NUMBERED_LINE = Pattern.compile(
            "(?<=(?:^|\\n)[ \\t>?]{0,8})\\d{1,6}\\s+[\\p{Lu}][\\p{L}'’.-]{1,30}(?:\\s+[\\p{L}'’.-]{1,30}){0,4}?\\s+\\d{1,5}[A-Za-z]?\\.?(?![\\w])"
            + "(?:,?\\s+" + UNIT + ")?");
    /** Ship-borne US military mail ("USNS Sekerková / FPO AA 65728"). */
    private static final Pattern SHIP = Pattern.compile(
            "(?<![\\w])(?:USNS|USNV|USS|USCGC)\\s+[\\p{Lu}][\\p{L}'’.-]{1,30}\\s+(?:FPO|APO|DPO)\\s+A[AEP]\\s+\\d{5}(?![\\w])");
    /** A street named without a number ("on Baker Street"): the suffix word is the anchor. */
    private static final Pattern NAMED_STREET = Pattern.compile(
            "(?<![\\w])[\\p{Lu}][\\p{L}'’.-]{1,25}(?:\\s+[\\p{Lu}][\\p{L}'’.-]{1,25}){0,2}\\s+(?:Street|Avenue|Road|Boulevard|Lane|Drive|Square)(?![\\w])");
    /** The suffix words, each found at a word start after a space. */
    private static final List<String> NAMED_STREET_WORDS = List.of("street", "avenue", "road", "boulevard", "lane", "drive", "square");
    private static final Pattern UNIT_ONLY = Pattern.compile("(?<![\\w])" + UNIT + "(?![\\w])");
    private static final Pattern BOXES = Pattern.compile(
            "(?<![\\w])(?:P\\.?\\s?O\\.?\\s+Box|PSC|CMR|Unit)\\s+\\d{1,6}(?:,\\s+Box\\s+\\d{1,6})?(?:\\s+(?:APO|FPO|DPO)\\s+A[AEP]\\s+\\d{5})?(?![\\w])");
    private static final String[] CONTEXT = {"address", "live", "lives", "street", "located", "ship", "mail", "deliver", "resid"};
    /** After these phrases the rest of the clause is an address when it holds a number ("lives at 28919 136 Filadelfeos Str"). */
    private static final Pattern SLOT = Pattern.compile(
            "(?i)\\b(?:lives? (?:at|on)|address is|address:|address to|address with|located (?:at|on)|be sent to|sent to|corner of"
            + "|ship(?:ped)? to|deliver(?:ed)? to|moved to|(?:drops?|dropped) (?:you |me )?off at|meet (?:you|me) at)"
            + "\\s+(?:the corner of\\s+)?([^\\n.,;:!?\"]{3,60})");
    /** What each pattern's match can start with, so that it is not run where it cannot match. */
    private static final java.util.Map<Pattern, java.util.function.IntPredicate> FIRST = firstChars(
            US_STYLE, EURO_STYLE, BOXES, NUMBERED_LINE, SHIP, UNIT_ONLY);
    private static final int MAX_EXTRA_LINES = 3;
    private static final int MAX_LINE = 40;

    @Override
    public List<String> categories() {
        return List.of("ADDRESS");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        int[] regions = scan.regions(Trigger.DIGIT);
        if (regions.length == 0) {
            return;
        }
        String text = scan.text();
        int[] starts = scan.starts(Trigger.DIGIT);
        run(US_STYLE, text, starts, "pii.address-street", 0.75, out);
        run(EURO_STYLE, text, starts, "pii.address-street-european", 0.7, out);
        run(BOXES, text, starts, "pii.address-box", 0.6, out);
        run(NUMBERED_LINE, text, starts, "pii.address-line", 0.6, out);
        run(SHIP, text, scan.starts(Trigger.DIGIT), "pii.address-ship", 0.6, out);
        run(UNIT_ONLY, text, starts, "pii.address-unit", 0.55, out);
        namedStreets(scan, out);
        slots(text, starts, out);
    }

    private static void namedStreets(TextScan scan, List<Candidate> out) {
        String lower = scan.lowerCase();
        String text = scan.text();
        Matcher matcher = NAMED_STREET.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int[] lastEnd = {-1};
        for (String word : NAMED_STREET_WORDS) {
            scan.forEachWordStart(word, at -> {
                int suffixEnd = at + word.length();
                boolean wholeWord = suffixEnd >= lower.length() || !Character.isLetter(lower.charAt(suffixEnd));
                if (at > 0 && lower.charAt(at - 1) == ' ' && wholeWord && Character.isUpperCase(text.charAt(at))) {
                    matcher.region(Math.max(0, at - 81), suffixEnd);
                    while (matcher.find()) {
                        if (matcher.end() == suffixEnd && matcher.start() >= lastEnd[0]) {
                            out.add(new Candidate("pii.address-named-street", "ADDRESS", matcher.start(), matcher.end(), 0.55, CONTEXT));
                            lastEnd[0] = matcher.end();
                            break;
                        }
                    }
                }
            });
        }
    }

    private static void slots(String text, int[] starts, List<Candidate> out) {
        Matcher matcher = SLOT.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        for (int s = 0; s < starts.length; s += 2) {
            matcher.region(starts[s], starts[s + 1]);
            if (matcher.lookingAt()) {
                String value = matcher.group(1);
                boolean hasDigit = false;
                for (int i = 0; i < value.length() && !hasDigit; i++) {
                    hasDigit = Character.isDigit(value.charAt(i));
                }
                int end = matcher.end(1);
                while (end > matcher.start(1) && text.charAt(end - 1) == ' ') {
                    end--;
                }
                if (hasDigit) {
                    out.add(new Candidate("pii.address-slot", "ADDRESS", matcher.start(1), end, 0.55, CONTEXT));
                }
            }
        }
    }

    /** Extends an address over the short lines that follow it (unit, town, country and postcode), up to a blank line. */
    private static int extendOverLines(String text, int end) {
        int extended = end;
        for (int line = 0; line < MAX_EXTRA_LINES; line++) {
            int i = extended;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i >= text.length() || text.charAt(i) != '\n') {
                break;
            }
            i++;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '>' || text.charAt(i) == '?' || text.charAt(i) == ',')) {
                i++;
            }
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            while (lineEnd > i && text.charAt(lineEnd - 1) == ' ') {
                lineEnd--;
            }
            if (lineEnd == i || lineEnd - i > MAX_LINE) {
                break;
            }
            String content = text.substring(i, lineEnd);
            if (content.indexOf('@') >= 0 || content.indexOf(':') >= 0 || !(Character.isUpperCase(content.charAt(0)) || Character.isDigit(content.charAt(0)))) {
                break;
            }
            extended = lineEnd;
        }
        return extended;
    }

    private static java.util.Map<Pattern, java.util.function.IntPredicate> firstChars(Pattern... patterns) {
        java.util.Map<Pattern, java.util.function.IntPredicate> first = new java.util.IdentityHashMap<>();
        for (Pattern pattern : patterns) {
            FirstChar kind = FirstChar.of(pattern.pattern());
            first.put(pattern, c -> kind.admits((char) c));
        }
        // European streets start with the house number, a capital in any script, or "ul." (the one lower-case prefix)
        first.put(EURO_STYLE, c -> c >= '0' && c <= '9' || Character.isUpperCase(c) || c == 'u');
        return first;
    }

    private static void run(Pattern pattern, String text, int[] starts, String detector, double score, List<Candidate> out) {
        java.util.function.IntPredicate first = FIRST.get(pattern);
        Matcher matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int lastEnd = -1;
        for (int s = 0; s < starts.length; s += 2) {
            if (starts[s] < lastEnd || !first.test(text.charAt(starts[s]))) {
                continue;
            }
            matcher.region(starts[s], starts[s + 1]);
            if (matcher.lookingAt()) {
                out.add(new Candidate(detector, "ADDRESS", matcher.start(), extendOverLines(text, matcher.end()), score, CONTEXT));
                lastEnd = matcher.end();
            }
        }
    }
}
