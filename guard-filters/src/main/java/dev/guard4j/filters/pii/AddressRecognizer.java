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

    private static final String WORD = "[\\p{Lu}][\\p{L}'’.-]{0,24}";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Square|Sq"
            + "|Terrace|Ter|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|Crescent|Cres|Close|Row|Alley|Gardens|Grove"
            + "|Hill|Park|Walk|Mews|Loop|Pike|Plaza|Point|Ridge|Run|Crossing|Path|Expressway|Freeway|Green|Gate|View|Meadows)";
    private static final String UNIT = "(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Flat|Room|Rm)\\.?\\s?#?\\d{1,5}[A-Za-z]?";
    private static final String EURO_SUFFIX = "(?:katu|tie|kuja|gatan|gata|vägen|väg|veien|vei|vegen|vej|gade|straße|strasse|str\\.|weg|gasse"
            + "|allee|platz|laan|straat|plein|gracht|utca|ulica|ring|damm|ufer|steig|stieg|torget|torg|plads|polku|rinne)";
    private static final String EURO_PREFIX = "(?:Via|Viale|Piazza|Corso|Largo|Rue|Avenue|Boulevard|Bd|Chemin|Allée|Impasse|Calle|Avenida|Av\\.|Plaza"
            + "|Paseo|Camino|Carrer|Rua|Praça|Travessa|Ulica|ul\\.|Aleja|Str\\.|Strada|Bulevardul|Odos|Οδός|Πλατεία|Λεωφόρος)";

    private static final Pattern US_STYLE = Pattern.compile(
            "(?<![\\w/.-])\\d{1,6}[A-Za-z]?(?:\\s+[NSEW]\\.?)?(?:\\s+" + WORD + "){1,4}?\\s+" + SUFFIX + "\\b\\.?"
            + "(?:,?\\s+" + UNIT + ")?"
            + "(?:,?\\s+" + WORD + "(?:\\s" + WORD + "){0,2},?\\s+[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?)?");
    private static final Pattern EURO_STYLE = Pattern.compile(
            "(?<![\\w])(?:[\\p{Lu}][\\p{Ll}]{1,30}" + EURO_SUFFIX + "|" + EURO_PREFIX + "(?:\\s+[\\p{L}'’.-]{1,25}){1,4}?)\\s+\\d{1,5}[A-Za-z]?(?![\\w])"
            + "(?:,?\\s+" + UNIT + ")?");
    private static final Pattern UNIT_ONLY = Pattern.compile("(?<![\\w])" + UNIT + "(?![\\w])");
    private static final Pattern BOXES = Pattern.compile(
            "(?<![\\w])(?:P\\.?\\s?O\\.?\\s+Box|PSC|CMR|Unit)\\s+\\d{1,6}(?:,\\s+Box\\s+\\d{1,6})?(?:\\s+(?:APO|FPO|DPO)\\s+A[AEP]\\s+\\d{5})?(?![\\w])");
    private static final String[] CONTEXT = {"address", "live", "lives", "street", "located", "ship", "mail", "deliver", "resid"};

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
        run(US_STYLE, text, regions, "pii.address-street", 0.75, out);
        run(EURO_STYLE, text, regions, "pii.address-street-european", 0.7, out);
        run(BOXES, text, regions, "pii.address-box", 0.6, out);
        run(UNIT_ONLY, text, regions, "pii.address-unit", 0.55, out);
    }

    private static void run(Pattern pattern, String text, int[] regions, String detector, double score, List<Candidate> out) {
        Matcher matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        for (int r = 0; r < regions.length; r += 2) {
            matcher.region(regions[r], regions[r + 1]);
            while (matcher.find()) {
                out.add(new Candidate(detector, "ADDRESS", matcher.start(), matcher.end(), score, CONTEXT));
            }
        }
    }
}
