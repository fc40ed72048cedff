package dev.guard4j.filters.pii;

import static dev.guard4j.filters.pii.PatternRecognizer.Check.confirmIf;
import static dev.guard4j.filters.pii.PatternRecognizer.Check.digitsKeepIf;
import static dev.guard4j.filters.pii.PatternRecognizer.Check.keepIf;

import dev.guard4j.filters.pii.PatternRecognizer.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pattern recognizers, as data: one line per rule with its pattern, base score, check and context words.
 *
 * <p>Scores follow Presidio's habit: a format that is a near-certain identifier on its own (a
 * checksum-confirmed card number) scores high; a bare run of digits that many things could be
 * scores very low and needs a context word ("passport", "routing") to pass a threshold.
 */
final class PatternCatalogue {

    private static final String[] CARD_CONTEXT = {"credit", "card", "visa", "mastercard", "amex", "debit", "cc "};
    private static final String[] SSN_CONTEXT = {"social security", "ssn", "ss#", "ssid", "social sec"};
    private static final String[] ITIN_CONTEXT = {"individual taxpayer", "itin", "tax id", "taxpayer"};
    private static final String[] PASSPORT_CONTEXT = {"passport", "travel document", "passport#", "passport no"};
    private static final String[] BANK_CONTEXT = {"account", "acct", "bank", "checking", "savings", "a/c"};
    private static final String[] ROUTING_CONTEXT = {"routing", "aba", "transit", "rtn", "bank"};
    private static final String[] DRIVER_CONTEXT = {"driver", "driving", "licence", "license", "dl#", "dl "};
    private static final String[] NHS_CONTEXT = {"nhs", "health service", "national health"};
    private static final String[] NINO_CONTEXT = {"national insurance", "nino", "ni number", "insurance number"};
    private static final String[] UTR_CONTEXT = {"utr", "unique taxpayer", "tax reference", "self assessment"};
    private static final String[] SIN_CONTEXT = {"social insurance", "sin", "nas", "numéro d'assurance"};
    private static final String[] CA_HEALTH_CONTEXT = {"health card", "ohip", "health number", "health insurance"};
    private static final String[] VIN_CONTEXT = {"vin", "vehicle", "chassis"};
    private static final String[] IBAN_CONTEXT = {"iban", "bank", "account", "transfer", "wire"};
    private static final String[] AADHAAR_CONTEXT = {"aadhaar", "aadhar", "uidai", "uid"};
    private static final String[] TFN_CONTEXT = {"tax file", "tfn"};
    private static final String[] DE_TAX_CONTEXT = {"steuer", "idnr", "identifikationsnummer", "tax id", "steuerid"};
    private static final String[] PESEL_CONTEXT = {"pesel"};
    private static final String[] NIF_CONTEXT = {"nif", "dni", "documento", "identidad"};
    private static final String[] FISCAL_CONTEXT = {"codice fiscale", "fiscal code", "cf"};
    private static final String[] NRIC_CONTEXT = {"nric", "fin", "identity card"};
    private static final String[] PAN_CONTEXT = {"pan", "permanent account", "income tax"};
    private static final String[] CRYPTO_CONTEXT = {"wallet", "btc", "bitcoin", "crypto", "address"};
    private static final String[] MAC_CONTEXT = {"mac", "hardware address", "physical address", "ethernet"};
    private static final String[] NONE = {};

    private static final String B = "(?<![\\w.@/-])";
    private static final String E = "(?![\\w@]|[.-]\\w)";

    private PatternCatalogue() {
    }

    static List<Recognizer> recognizers() {
        List<Recognizer> all = new ArrayList<>();
        // cards: 13-19 digits with one kind of separator; Luhn confirms, anything else is dropped
        all.add(rule("credit-card", "CREDIT_DEBIT_CARD_NUMBER",
                B + "(?:[1-6]\\d{12,18}|[1-6]\\d{3}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}|3\\d{3}([ -])\\d{6}\\2\\d{4,5})" + E, 0.3, confirmIf(PatternCatalogue::cardNumber, 1.0), CARD_CONTEXT));
        // 12-digit Maestro numbers collide with many ids: Luhn plus a card word nearby
        all.add(rule("credit-card-short", "CREDIT_DEBIT_CARD_NUMBER", B + "[56]\\d{11}" + E, 0.2, digitsKeepIf(Checksums::luhn), CARD_CONTEXT));
        all.add(rule("card-cvv", "CREDIT_DEBIT_CARD_CVV",
                "(?i)\\b(?:cvv2?|cvc2?|cid|security code|card verification(?: code| value)?)\\W{1,10}(\\d{3,4})\\b", 1, 0.85, Check.NONE, NONE));
        all.add(rule("card-expiry", "CREDIT_DEBIT_CARD_EXPIRY",
                "(?i)\\b(?:exp(?:iry|iration)?(?: date)?|valid (?:thru|through|until)|expires?)\\W{1,10}((?:0[1-9]|1[0-2]) ?[/-] ?(?:20)?\\d{2})\\b",
                1, 0.85, Check.NONE, NONE));
        // SSN: formatted with one separator is medium; bare or odd groupings are very weak alone
        all.add(rule("us-ssn", "US_SOCIAL_SECURITY_NUMBER", B + "\\d{3}([- .])\\d{2}\\1\\d{4}" + E, 0.5, digitsKeepIf(Checksums::ssn), SSN_CONTEXT));
        all.add(rule("us-ssn-weak", "US_SOCIAL_SECURITY_NUMBER", B + "(?:\\d{9}|\\d{5}-\\d{4}|\\d{3}-\\d{6})" + E, 0.05, digitsKeepIf(Checksums::ssn), SSN_CONTEXT));
        all.add(rule("us-itin", "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", B + "9\\d{2}([- ])\\d{2}\\1\\d{4}" + E, 0.5, digitsKeepIf(Checksums::itin), ITIN_CONTEXT));
        all.add(rule("us-itin-weak", "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", B + "9\\d{8}" + E, 0.3, digitsKeepIf(Checksums::itin), ITIN_CONTEXT));
        all.add(rule("us-itin-odd", "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", B + "(?:9\\d{4}-\\d{4}|9\\d{2}-\\d{6})" + E, 0.05, digitsKeepIf(Checksums::itin), ITIN_CONTEXT));
        all.add(rule("us-passport", "US_PASSPORT_NUMBER", B + "\\d{9}" + E, 0.05, Check.NONE, PASSPORT_CONTEXT));
        all.add(rule("us-passport-next-gen", "US_PASSPORT_NUMBER", B + "[A-Z]\\d{8}" + E, 0.1, Check.NONE, PASSPORT_CONTEXT));
        all.add(rule("us-bank-account", "US_BANK_ACCOUNT_NUMBER", B + "\\d{8,17}" + E, 0.05, Check.NONE, BANK_CONTEXT));
        all.add(rule("aba-routing", "US_BANK_ROUTING_NUMBER", B + "[0-9]{4}-?[0-9]{4}-?[0-9]" + E, 0.3, digitsKeepIf(Checksums::abaRouting), ROUTING_CONTEXT));
        all.add(rule("driver-id", "DRIVER_ID", B + "[A-Z]{1,2}\\d{5,14}" + E, 0.3, Check.NONE, DRIVER_CONTEXT));
        all.add(rule("driver-id-digits", "DRIVER_ID", B + "(?:\\d{6,14}|\\d{4}-\\d{2}-\\d{4})" + E, 0.01, Check.NONE, DRIVER_CONTEXT));
        all.add(rule("iban", "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
                "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b", 0.3, confirmIf(Checksums::iban, 1.0), IBAN_CONTEXT));
        all.add(rule("uk-nhs", "UK_NATIONAL_HEALTH_SERVICE_NUMBER", B + "\\d{3}([- ]?)\\d{3}\\1\\d{4}" + E, 0.5, digitsKeepIf(Checksums::nhs), NHS_CONTEXT));
        all.add(rule("uk-nino", "UK_NATIONAL_INSURANCE_NUMBER",
                "(?i)\\b(?!bg|gb|nk|kn|nt|tn|zz)[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z] ?\\d{2} ?\\d{2} ?\\d{2} ?[a-d]\\b", 0.5, Check.NONE, NINO_CONTEXT));
        all.add(rule("uk-utr", "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER", B + "\\d{5} ?\\d{5}" + E, 0.05, Check.NONE, UTR_CONTEXT));
        all.add(rule("ca-sin", "CA_SOCIAL_INSURANCE_NUMBER", B + "\\d{3}([- ])\\d{3}\\1\\d{3}" + E, 0.5, digitsKeepIf(Checksums::canadianSin), SIN_CONTEXT));
        all.add(rule("ca-sin-weak", "CA_SOCIAL_INSURANCE_NUMBER", B + "\\d{9}" + E, 0.1, digitsKeepIf(Checksums::canadianSin), SIN_CONTEXT));
        all.add(rule("ca-health", "CA_HEALTH_NUMBER", B + "\\d{4}[- ]?\\d{3}[- ]?\\d{3}(?:[- ]?[A-Z]{2})?" + E, 0.05, Check.NONE, CA_HEALTH_CONTEXT));
        all.add(rule("vin", "VEHICLE_IDENTIFICATION_NUMBER", "(?i)\\b[A-HJ-NPR-Z0-9]{17}\\b", 0.5, keepIf(Checksums::vin), VIN_CONTEXT));
        all.add(rule("in-aadhaar", "IN_AADHAAR", B + "[2-9]\\d{3}([- :]?)\\d{4}\\1\\d{4}" + E, 0.4,
                (value, score) -> Checksums.verhoeff(Checksums.digits(value)) && !Checksums.allSame(Checksums.digits(value)) ? Math.max(score, 0.5) : -1, AADHAAR_CONTEXT));
        all.add(rule("au-tfn", "AU_TFN", B + "\\d{3} ?\\d{3} ?\\d{3}" + E, 0.1, digitsKeepIf(Checksums::australianTfn), TFN_CONTEXT));
        all.add(rule("de-tax-id", "DE_TAX_ID", B + "\\d{11}" + E, 0.3, digitsKeepIf(Checksums::germanTaxId), DE_TAX_CONTEXT));
        all.add(rule("pl-pesel", "PL_PESEL", B + "\\d{11}" + E, 0.4, digitsKeepIf(Checksums::polishPesel), PESEL_CONTEXT));
        all.add(rule("es-nif", "ES_NIF", "(?i)\\b\\d{7,8}-?[A-Z]\\b", 0.5, keepIf(Checksums::spanishNif), NIF_CONTEXT));
        all.add(rule("it-fiscal-code", "IT_FISCAL_CODE",
                "(?i)\\b[A-Z]{6}\\d{2}[A-EHLMPR-T]\\d{2}[A-Z]\\d{3}[A-Z]\\b", 0.3, (value, score) -> Checksums.italianFiscalCode(value) ? 1.0 : score, FISCAL_CONTEXT));
        all.add(rule("sg-nric-fin", "SG_NRIC_FIN", "(?i)\\b[STFGM]\\d{7}[A-Z]\\b", 0.5, Check.NONE, NRIC_CONTEXT));
        all.add(rule("sg-nric-fin-weak", "SG_NRIC_FIN", "\\b[A-EH-LN-RU-Z]\\d{7}[A-Z]\\b", 0.05, Check.NONE, NRIC_CONTEXT));
        all.add(rule("in-pan", "IN_PAN", "\\b[A-Z]{3}[ABCFGHJLPT][A-Z]\\d{4}[A-Z]\\b", 0.5, Check.NONE, PAN_CONTEXT));
        all.add(rule("in-pan-weak", "IN_PAN", "\\b[A-Z]{5}\\d{3,4}[A-Z]\\b", 0.1, Check.NONE, PAN_CONTEXT));
        all.add(rule("crypto-btc-legacy", "CRYPTO", "\\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\\b", 0.5, confirmIf(Checksums::base58Check, 1.0), CRYPTO_CONTEXT));
        all.add(rule("crypto-btc-segwit", "CRYPTO", "(?i)\\bbc1[a-z0-9]{6,87}\\b", 0.5, confirmIf(Checksums::bech32, 1.0), CRYPTO_CONTEXT));
        all.add(new PatternRecognizer("mac-address", "MAC_ADDRESS", Pattern.compile(
                "\\b(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})\\b"),
                0, 0.6, Trigger.HEX_SEPARATOR, keepIf(PatternCatalogue::realMac), MAC_CONTEXT));
        return List.copyOf(all);
    }

    private static PatternRecognizer rule(String id, String category, String regex, double score, Check check, String[] context) {
        return rule(id, category, regex, 0, score, check, context);
    }

    private static PatternRecognizer rule(String id, String category, String regex, int group, double score, Check check, String[] context) {
        return new PatternRecognizer(id, category, Pattern.compile(regex), group, score, Trigger.DIGIT, check, context);
    }

    private static boolean cardNumber(String value) {
        String digits = Checksums.digits(value);
        char separator = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '-') {
                if (separator != 0 && separator != c) {
                    return false;
                }
                separator = c;
            }
        }
        if (digits.length() < 13 || digits.length() > 19 || Checksums.allSame(digits)) {
            return false;
        }
        // a 13-digit number starting with 1 is more often an id or a timestamp than a card
        return !(digits.length() == 13 && digits.charAt(0) == '1') && Checksums.luhn(digits);
    }

    private static boolean realMac(String value) {
        String hex = value.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(java.util.Locale.ROOT);
        return !hex.equals("000000000000") && !hex.equals("ffffffffffff");
    }
}
