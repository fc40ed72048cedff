package dev.guard4j.filters.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a run of digits to be a valid national number of one region,
 * read from libphonenumber's own metadata, so that libphonenumber's costly parse runs only on
 * runs that could pass it.
 *
 * <p>libphonenumber makes the national significant number by removing leading digits from the
 * run (the region's country code, its national prefix or carrier code, or both), and a valid
 * number's national significant number has one of the lengths its region lists and matches the
 * region's general pattern. When none of the few possible removals leaves such a number, the
 * run cannot be valid. Regions whose
 * metadata rewrites the prefix (a transform rule) and runs that begin with the international
 * dialling prefix are always left to libphonenumber.
 */
final class PhoneRegionShape {

    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();

    private final String countryCode;
    private final Pattern internationalPrefix;
    private final Pattern nationalPrefix;
    /** Null when the lengths do not bound validity for this region: every run is left to libphonenumber. */
    private final BitSet lengths;
    /** The general patterns of the regions sharing the country code; a valid number matches one. */
    private final List<Pattern> general;

    private PhoneRegionShape(String countryCode, Pattern internationalPrefix, Pattern nationalPrefix, BitSet lengths,
                             List<Pattern> general) {
        this.countryCode = countryCode;
        this.internationalPrefix = internationalPrefix;
        this.nationalPrefix = nationalPrefix;
        this.lengths = lengths;
        this.general = general;
    }

    private static PhoneRegionShape unbounded(int code) {
        return new PhoneRegionShape(String.valueOf(code), null, null, null, List.of());
    }

    /** Returns the shape of a region's national numbers, from libphonenumber's metadata. */
    static PhoneRegionShape of(String region) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        PhoneMetadata metadata = METADATA.getMetadataForRegion(region);
        int code = phones.getCountryCodeForRegion(region);
        if (metadata == null || code == 0 || !metadata.getNationalPrefixTransformRule().isEmpty()) {
            return unbounded(code);
        }
        // a number is valid when it is valid for any region sharing the country code, so the lengths of all count
        BitSet lengths = new BitSet();
        List<Pattern> general = new java.util.ArrayList<>();
        for (String other : phones.getRegionCodesForCountryCode(code)) {
            PhoneMetadata otherMetadata = METADATA.getMetadataForRegion(other);
            if (otherMetadata == null || otherMetadata.getGeneralDesc().getPossibleLengthList().isEmpty()
                    || otherMetadata.getGeneralDesc().getNationalNumberPattern().isEmpty()) {
                return unbounded(code);
            }
            for (int length : otherMetadata.getGeneralDesc().getPossibleLengthList()) {
                lengths.set(length);
            }
            general.add(Pattern.compile(otherMetadata.getGeneralDesc().getNationalNumberPattern()));
        }
        Pattern international = metadata.getInternationalPrefix().isEmpty()
                ? null : Pattern.compile(metadata.getInternationalPrefix());
        Pattern national = metadata.getNationalPrefixForParsing().isEmpty()
                ? null : Pattern.compile(metadata.getNationalPrefixForParsing());
        return new PhoneRegionShape(String.valueOf(code), international, national, lengths, List.copyOf(general));
    }

    /**
     * Returns false only when the digits cannot be a valid number of this region written in national
     * format; true means "ask libphonenumber".
     *
     * @param digits ASCII digits only, without a leading {@code +} or an extension
     */
    boolean mayBeValid(String digits) {
        if (lengths == null) {
            return true;
        }
        if (internationalPrefix != null && internationalPrefix.matcher(digits).lookingAt()) {
            return true;
        }
        int n = digits.length();
        if (couldBe(digits, 0) || couldBe(digits, strippedPrefix(digits, 0))) {
            return true;
        }
        if (!digits.startsWith(countryCode)) {
            return false;
        }
        // after the country code libphonenumber may strip the national prefix twice (once while extracting the code)
        int removed = countryCode.length();
        for (int strip = 0; strip < 3 && removed < n; strip++) {
            if (couldBe(digits, removed)) {
                return true;
            }
            int more = strippedPrefix(digits, removed);
            if (more == 0) {
                return false;
            }
            removed += more;
        }
        return couldBe(digits, removed);
    }

    /** Returns whether the digits from {@code from} on have a valid length and match a general pattern. */
    private boolean couldBe(String digits, int from) {
        if (from >= digits.length() || !lengths.get(digits.length() - from)) {
            return false;
        }
        for (Pattern pattern : general) {
            Matcher matcher = pattern.matcher(digits);
            matcher.region(from, digits.length());
            if (matcher.matches()) {
                return true;
            }
        }
        return false;
    }

    /** Returns how many digits from {@code from} the national prefix (or carrier code) would remove, 0 for none. */
    private int strippedPrefix(String digits, int from) {
        if (nationalPrefix == null) {
            return 0;
        }
        Matcher matcher = nationalPrefix.matcher(digits);
        matcher.region(from, digits.length());
        return matcher.lookingAt() ? matcher.end() - from : 0;
    }
}
