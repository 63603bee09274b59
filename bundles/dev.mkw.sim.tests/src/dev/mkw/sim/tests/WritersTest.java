package dev.mkw.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.sim.export.CsvWriter;
import dev.mkw.sim.export.Decimals;
import dev.mkw.sim.export.JsonWriter;
import dev.mkw.sim.export.TextTable;
import dev.mkw.test.support.MiniJson;

class WritersTest {

    @Test
    void jsonStringsRoundTripWhateverTheyHold() {
        String nasty = "q\"b\\s/\n\r\t\b\f\u0001\u001f\u2028é😀" + '\ud800' + "end";
        StringWriter w = new StringWriter();
        JsonWriter.pretty(w).beginObject().field(nasty, nasty).name("list").beginArray().value(1).value(2.5, 3)
                .value(Double.NaN, 3).value(true).nullValue().endArray().endObject();
        Map<String, Object> o = MiniJson.object(MiniJson.parse(w.toString()));
        assertEquals(nasty, o.get(nasty));
        assertEquals("[1, 2.5, null, true, null]", o.get("list").toString());
    }

    @Test
    void compactAndPrettyLayouts() {
        StringWriter c = new StringWriter();
        JsonWriter.compact(c).beginObject().field("a", 1).name("b").beginArray().endArray().name("c").beginObject().endObject().endObject();
        assertEquals("{\"a\":1,\"b\":[],\"c\":{}}", c.toString());
        StringWriter p = new StringWriter();
        JsonWriter.pretty(p).beginObject().field("a", 1).name("b").beginArray().value("x").endArray().endObject();
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}", p.toString());
        assertThrows(IllegalStateException.class, () -> JsonWriter.compact(new StringWriter()).endObject());
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        StringWriter w = new StringWriter();
        new CsvWriter(w).row("plain", "a,b", "say \"hi\"", "two\nlines", "", " pad", null);
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" pad\",\r\n", w.toString());
        assertEquals(List.of(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "", " pad", "")), MiniCsv.parse(w.toString()));
    }

    @Test
    void decimalsArePlainAndLocaleFree() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1.5", Decimals.format(1.5, 3));
            assertEquals("0", Decimals.format(-0.0, 3));
            assertEquals("12345678901", Decimals.format(12345678901.0, 2));
            assertEquals("0.0001", Decimals.micros(1, 10_000));
            assertEquals("3.333333", Decimals.micros(10, 3));
            assertEquals("12.5", Decimals.percent(1, 8));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void textTableAlignsNumbersRight() {
        String t = new TextTable("name", "cycles").row("a", 5).row("longer", 12345).render();
        assertEquals("name    cycles\n------  ------\na            5\nlonger   12345\n", t);
        assertThrows(IllegalArgumentException.class, () -> new TextTable("one").row("a", "b"));
    }
}
