package dev.guard4j.filters.text;

import dev.guard4j.Category;
import dev.guard4j.Finding;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The character pass of normalisation: NFKC, lower case, Latin and Greek accents stripped,
 * blanks collapsed, invisible characters removed and reported, tag characters decoded.
 */
final class CharacterFolder {

    static final String DETECTOR = "text.invisible";

    /** A stack of combining marks longer than this on one character is "Zalgo" text. */
    private static final int MAX_MARKS_PER_CHARACTER = 8;
    /** Flag emoji (England, Scotland, Wales) use at most this many tag characters after a black flag. */
    private static final int MAX_FLAG_TAGS = 7;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;
    private static final int SUPPLEMENTARY_CACHE_LIMIT = 4096;

    private static final String DROP = "";
    // racy lazy cache: a slot is written with an immutable String, so a reader sees null or the full value
    private static final String[] BMP_FOLDS = new String[0x10000];
    private static final Map<Integer, String> SUPPLEMENTARY_FOLDS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> LETTERS_NFD_KEEPS = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ł', "l"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ð', "d"), Map.entry((int) 'ƒ', "f"));

    /** The results of one pass, besides the buffer. */
    record HiddenText(int start, int end, String decoded) {
    }

    private CharacterFolder() {
    }

    /**
     * Folds {@code text[0, limit)} into {@code out}, adding invisible-text findings, decoded tag
     * runs and reached limits to the given collections.
     */
    static void fold(String text, int limit, MappedBuffer out, List<Finding> findings, List<HiddenText> tagRuns,
                     Set<NormalizationLimit> limits) {
        int runStart = -1;
        boolean runBidi = false;
        boolean runZeroWidth = false;
        int runLength = 0;
        StringBuilder tags = null;
        int marks = 0;
        int i = 0;
        while (i < limit) {
            char c = text.charAt(i);
            if (c < 0x80 && c >= 0x20 && c != 0x7F || c == '\n' || c == '\t' || c == '\r') {
                if (runStart >= 0) {
                    closeRun(text, runStart, i, runBidi, runZeroWidth, runLength, tags, out, findings, tagRuns);
                    runStart = -1;
                    tags = null;
                }
                marks = 0;
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + 32), i, i + 1);
                } else if (c == ' ' || c == '\t') {
                    out.appendSpace(i, i + 1);
                } else if (c == '\r') {
                    boolean crlf = i + 1 < limit && text.charAt(i + 1) == '\n';
                    out.append('\n', i, crlf ? i + 2 : i + 1);
                    i += crlf ? 2 : 1;
                    continue;
                } else {
                    out.append(c, i, i + 1);
                }
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (next > limit) {
                next = limit;
            }
            int kind = invisibleKind(cp);
            if (kind != VISIBLE) {
                if (runStart < 0) {
                    runStart = i;
                    runBidi = false;
                    runZeroWidth = false;
                    runLength = 0;
                }
                runLength++;
                runBidi |= kind == BIDI_OVERRIDE;
                runZeroWidth |= kind == ZERO_WIDTH || kind == CONTROL;
                if (cp >= 0xE0020 && cp <= 0xE007E) {
                    if (tags == null) {
                        tags = new StringBuilder();
                    }
                    tags.append((char) (cp - 0xE0000));
                }
                i = next;
                continue;
            }
            if (runStart >= 0) {
                closeRun(text, runStart, i, runBidi, runZeroWidth, runLength, tags, out, findings, tagRuns);
                runStart = -1;
                tags = null;
            }
            if (isCombiningDiacritic(cp)) {
                // accents are dropped; the mark stays inside the span of the letter it decorates
                out.extendLast(next);
                if (++marks == MAX_MARKS_PER_CHARACTER + 1) {
                    limits.add(NormalizationLimit.COMBINING_MARKS);
                }
                i = next;
                continue;
            }
            marks = 0;
            String folded;
            if (Character.isSurrogate((char) cp)) {
                folded = "\uFFFD";
            } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
                folded = "\n";
            } else {
                folded = foldCodePoint(cp);
            }
            for (int k = 0; k < folded.length(); k++) {
                char f = folded.charAt(k);
                if (f == ' ') {
                    out.appendSpace(i, next);
                } else {
                    out.append(f, i, next);
                }
            }
            i = next;
        }
        if (runStart >= 0) {
            closeRun(text, runStart, limit, runBidi, runZeroWidth, runLength, tags, out, findings, tagRuns);
        }
    }

    private static void closeRun(String text, int start, int end, boolean bidi, boolean zeroWidth, int length,
                                 StringBuilder tags, MappedBuffer out, List<Finding> findings,
                                 List<HiddenText> tagRuns) {
        if (tags != null && tags.length() > 0 && !isFlagEmojiTags(text, start, end, tags.length())) {
            findings.add(new Finding(DETECTOR, Category.INVISIBLE_TEXT, start, end, 1.0));
            tagRuns.add(new HiddenText(start, end, tags.toString()));
            return;
        }
        if (bidi) {
            findings.add(new Finding(DETECTOR, Category.INVISIBLE_TEXT, start, end, 0.6));
            return;
        }
        if (!zeroWidth) {
            return;
        }
        boolean insideWord = isWordLetter(out.last()) && end < text.length() && isWordLetter(text.codePointAt(end));
        if (length >= 4) {
            // long runs of zero-width characters are how binary payloads are hidden in plain sight
            findings.add(new Finding(DETECTOR, Category.INVISIBLE_TEXT, start, end, 0.9));
        } else if (insideWord) {
            findings.add(new Finding(DETECTOR, Category.INVISIBLE_TEXT, start, end, 0.7));
        }
    }

    private static boolean isFlagEmojiTags(String text, int start, int end, int tagCount) {
        return tagCount <= MAX_FLAG_TAGS
                && start >= 2 && text.codePointBefore(start) == BLACK_FLAG
                && text.codePointBefore(end) == CANCEL_TAG;
    }

    /** Letters of the scripts where a zero-width character inside a word has no business (Latin, Greek, Cyrillic) and digits. */
    private static boolean isWordLetter(int cp) {
        return cp < 0x530 && Character.isLetterOrDigit(cp);
    }

    static final int VISIBLE = 0;
    static final int ZERO_WIDTH = 1;
    static final int BIDI_OVERRIDE = 2;
    static final int BIDI_MARK = 3;
    static final int TAG = 4;
    static final int CONTROL = 5;

    /** Returns which kind of invisible character {@code cp} is, or {@link #VISIBLE}. */
    static int invisibleKind(int cp) {
        if (cp < 0x20 || cp == 0x7F || cp >= 0x80 && cp < 0xA0 && cp != 0x85) {
            return cp == '\n' || cp == '\t' || cp == '\r' ? VISIBLE : CONTROL;
        }
        if (cp < 0xAD) {
            return VISIBLE;
        }
        if (cp == 0xAD || cp == 0x34F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || cp >= 0x180B && cp <= 0x180F || cp >= 0x200B && cp <= 0x200D || cp >= 0x2060 && cp <= 0x2064
                || cp >= 0x206A && cp <= 0x206F || cp == 0x3164 || cp >= 0xFE00 && cp <= 0xFE0F || cp == 0xFEFF
                || cp == 0xFFA0 || cp >= 0xFFF9 && cp <= 0xFFFB || cp >= 0x1D173 && cp <= 0x1D17A
                || cp >= 0x1BCA0 && cp <= 0x1BCA3 || cp >= 0xE0100 && cp <= 0xE01EF) {
            return ZERO_WIDTH;
        }
        if (cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069) {
            return BIDI_OVERRIDE;
        }
        if (cp == 0x200E || cp == 0x200F || cp == 0x61C) {
            return BIDI_MARK;
        }
        if (cp >= 0xE0000 && cp <= 0xE007F) {
            return TAG;
        }
        return VISIBLE;
    }

    /** Returns whether {@code cp} is a combining accent (the blocks that "Zalgo" text stacks). */
    static boolean isCombiningDiacritic(int cp) {
        return cp >= 0x300 && cp <= 0x36F || cp >= 0x1AB0 && cp <= 0x1AFF || cp >= 0x1DC0 && cp <= 0x1DFF
                || cp >= 0x20D0 && cp <= 0x20FF || cp >= 0xFE20 && cp <= 0xFE2F;
    }

    /** Returns the folded form of one visible, non-ASCII code point; empty when it folds to nothing. */
    static String foldCodePoint(int cp) {
        if (cp < 0x10000) {
            String cached = BMP_FOLDS[cp];
            if (cached == null) {
                cached = computeFold(cp);
                BMP_FOLDS[cp] = cached;
            }
            return cached;
        }
        String cached = SUPPLEMENTARY_FOLDS.get(cp);
        if (cached == null) {
            cached = computeFold(cp);
            if (SUPPLEMENTARY_FOLDS.size() < SUPPLEMENTARY_CACHE_LIMIT) {
                SUPPLEMENTARY_FOLDS.put(cp, cached);
            }
        }
        return cached;
    }

    private static String computeFold(int cp) {
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(nfkc.length());
        int i = 0;
        while (i < nfkc.length()) {
            int c = nfkc.codePointAt(i);
            i += Character.charCount(c);
            String special = LETTERS_NFD_KEEPS.get(c);
            if (special != null) {
                folded.append(special);
            } else if (isCombiningDiacritic(c) || invisibleKind(c) != VISIBLE) {
                continue;
            } else if (Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
                folded.append(' ');
            } else if (c >= 0xC0 && c < 0x250 || c >= 0x1E00 && c <= 0x1EFF || c >= 0x370 && c <= 0x3FF
                    || c >= 0x1F00 && c <= 0x1FFF) {
                // Latin and Greek accents go; Cyrillic keeps its letters (й is not и)
                String decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                for (int k = 0; k < decomposed.length(); k++) {
                    char d = decomposed.charAt(k);
                    if (!isCombiningDiacritic(d)) {
                        folded.append(d);
                    }
                }
            } else {
                folded.appendCodePoint(c);
            }
        }
        return folded.length() == 0 ? DROP : folded.toString();
    }
}
