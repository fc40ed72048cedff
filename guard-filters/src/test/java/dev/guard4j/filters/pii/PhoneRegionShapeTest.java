package dev.guard4j.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that the cheap shape test never rejects a run that libphonenumber would accept. */
class PhoneRegionShapeTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    static Stream<String> regions() {
        return Stream.concat(PhoneRecognizer.REGIONS.stream(), PhoneRecognizer.MORE_REGIONS.stream());
    }

    @ParameterizedTest
    @MethodSource("regions")
    void shapeCheckAgreesWithLibphonenumberOnValidAndRandomRuns(String region) {
        List<String> runs = runs(region);
        int valid = 0;
        for (String run : runs) {
            boolean slow = PhoneRecognizer.validIn(run, null, region);
            boolean fast = PhoneRecognizer.validIn(run, Checksums.digits(run), region);
            assertThat(fast).as("region %s, run '%s'", region, run).isEqualTo(slow);
            valid += slow ? 1 : 0;
        }
        assertThat(valid).as("valid example numbers of %s", region).isPositive();
    }

    @ParameterizedTest
    @MethodSource("regions")
    void everyExampleNumberPassesTheShapeCheck(String region) {
        PhoneRegionShape shape = PhoneRegionShape.of(region);
        for (PhoneNumberType type : PhoneNumberType.values()) {
            PhoneNumber example = PHONES.getExampleNumberForType(region, type);
            if (example != null) {
                String national = Checksums.digits(PHONES.format(example, PhoneNumberFormat.NATIONAL));
                assertThat(shape.mayBeValid(national)).as("%s %s %s", region, type, national).isTrue();
            }
        }
    }

    /** Example numbers in national and E.164-without-plus form, with digits added, dropped and changed, and random runs. */
    private static List<String> runs(String region) {
        Random random = new Random(region.hashCode());
        List<String> runs = new ArrayList<>();
        String code = String.valueOf(PHONES.getCountryCodeForRegion(region));
        for (PhoneNumberType type : PhoneNumberType.values()) {
            PhoneNumber example = PHONES.getExampleNumberForType(region, type);
            if (example == null) {
                continue;
            }
            String national = PHONES.format(example, PhoneNumberFormat.NATIONAL);
            String digits = Checksums.digits(national);
            String nsn = PHONES.getNationalSignificantNumber(example);
            runs.add(national);
            runs.add(digits);
            runs.add(code + nsn);
            runs.add(code + "0" + nsn);
            runs.add("00" + code + nsn);
            runs.add(digits.substring(1));
            runs.add(digits + random.nextInt(10));
            runs.add(random.nextInt(10) + digits);
            runs.add(random.nextInt(10) + "" + random.nextInt(10) + digits);
            for (int i = 0; i < 4; i++) {
                char[] changed = digits.toCharArray();
                changed[random.nextInt(changed.length)] = (char) ('0' + random.nextInt(10));
                runs.add(new String(changed));
            }
        }
        for (int i = 0; i < 150; i++) {
            StringBuilder run = new StringBuilder();
            int length = 7 + random.nextInt(9);
            String[] prefixes = {"", "0", "1", "8", "9", "00", "011", code, code + "0"};
            run.append(prefixes[random.nextInt(prefixes.length)]);
            while (run.length() < length) {
                run.append((char) ('0' + random.nextInt(10)));
            }
            runs.add(run.toString());
        }
        return runs;
    }
}
