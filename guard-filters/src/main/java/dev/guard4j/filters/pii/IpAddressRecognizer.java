package dev.guard4j.filters.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds IPv4 addresses with a pattern and IPv6 addresses with a small parser (groups, one
 * {@code ::}, an embedded IPv4 tail, a zone and a prefix length), which a readable regex cannot do.
 */
final class IpAddressRecognizer implements Recognizer {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?:/(?:3[0-2]|[12]?\\d)(?!\\d))?(?![\\w]|\\.\\d)");
    private static final Pattern IPV4_ONLY = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    private static final String[] CONTEXT = {"ip", "ipv4", "ipv6", "address", "server", "host"};

    @Override
    public List<String> categories() {
        return List.of("IP_ADDRESS");
    }

    @Override
    public void find(TextScan scan, List<Candidate> out) {
        findIpv6(scan.text(), out);
        int[] starts = scan.starts(Trigger.DIGIT);
        Matcher matcher = IPV4.matcher(scan.text());
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int lastEnd = -1;
        for (int s = 0; s < starts.length; s += 2) {
            if (starts[s] < lastEnd) {
                continue;
            }
            matcher.region(starts[s], starts[s + 1]);
            if (matcher.lookingAt()) {
                out.add(new Candidate("pii.ip-address", "IP_ADDRESS", matcher.start(), matcher.end(), 0.6, CONTEXT));
                lastEnd = matcher.end();
            }
        }
    }

    private static void findIpv6(String text, List<Candidate> out) {
        int colon = text.indexOf(':');
        while (colon >= 0) {
            int start = colon;
            while (start > 0 && isRunChar(text.charAt(start - 1))) {
                start--;
            }
            int end = colon;
            while (end < text.length() && isRunChar(text.charAt(end))) {
                end++;
            }
            int next = end;
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            boolean boundaryBefore = start == 0 || !isWordChar(text.charAt(start - 1));
            String run = text.substring(start, end);
            if (boundaryBefore && run.indexOf(':') != run.lastIndexOf(':') && validIpv6(run)) {
                int finalEnd = end;
                if (end == next && end + 1 < text.length() && text.charAt(end) == '%' && isAlnum(text.charAt(end + 1))) {
                    finalEnd = end + 1;
                    while (finalEnd < text.length() && isAlnum(text.charAt(finalEnd))) {
                        finalEnd++;
                    }
                } else if (end == next && end + 1 < text.length() && text.charAt(end) == '/' && Character.isDigit(text.charAt(end + 1))) {
                    int digitsEnd = end + 1;
                    while (digitsEnd < text.length() && digitsEnd - end <= 4 && Character.isDigit(text.charAt(digitsEnd))) {
                        digitsEnd++;
                    }
                    int prefix = Integer.parseInt(text.substring(end + 1, digitsEnd));
                    boolean moreDigits = digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd));
                    if (prefix <= 128 && !moreDigits) {
                        finalEnd = digitsEnd;
                    }
                }
                boolean boundaryAfter = finalEnd >= text.length() || !isWordChar(text.charAt(finalEnd));
                if (boundaryAfter) {
                    double score = run.equals("::") ? 0.1 : 0.6;
                    out.add(new Candidate("pii.ip-address", "IP_ADDRESS", start, finalEnd, score, CONTEXT));
                }
            }
            colon = text.indexOf(':', Math.max(next, colon + 1));
        }
    }

    static boolean validIpv6(String run) {
        String address = run;
        int groupsFromIpv4 = 0;
        int lastColon = address.lastIndexOf(':');
        if (address.indexOf('.') >= 0) {
            String tail = address.substring(lastColon + 1);
            if (!IPV4_ONLY.matcher(tail).matches()) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0:0";
            groupsFromIpv4 = 2;
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (address.contains(":::")) {
            return false;
        }
        if (doubleColon < 0) {
            if (address.startsWith(":") || address.endsWith(":")) {
                return false;
            }
            String[] groups = address.split(":", -1);
            return groups.length == 8 && allHexGroups(groups);
        }
        String head = address.substring(0, doubleColon);
        String tail = address.substring(doubleColon + 2);
        String[] headGroups = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] tailGroups = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        return headGroups.length + tailGroups.length <= 7 && allHexGroups(headGroups) && allHexGroups(tailGroups)
                && groupsFromIpv4 <= 2;
    }

    private static boolean allHexGroups(String[] groups) {
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4) {
                return false;
            }
            for (int i = 0; i < group.length(); i++) {
                if (!Trigger.isHex(group.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isRunChar(char c) {
        return Trigger.isHex(c) || c == ':' || c == '.';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
