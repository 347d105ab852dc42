package org.openlfa.report.html;

import java.util.Locale;

/**
 * A tiny builder of inline SVG: shapes and text with escaped content, numbers in a fixed locale. Charts are drawn in
 * Java so the report needs no script and no resource from the internet.
 */
final class Svg {

    private final StringBuilder sb = new StringBuilder();

    Svg(String id, String title, int width, int height) {
        sb.append(String.format(Locale.ROOT, "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", id, width,
                height, width, height, esc(title)));
        sb.append("<title>").append(esc(title)).append("</title>");
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\">", x, y, Math.max(w, 0), Math.max(h, 0), fill));
        if (tooltip != null) {
            sb.append("<title>").append(esc(tooltip)).append("</title>");
        }
        sb.append("</rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"%s/>", x1, y1, x2, y2, stroke, width,
                dashed ? " stroke-dasharray=\"5 4\"" : ""));
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke, double width) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        sb.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"/>", pts.toString().strip(), stroke, width));
        return this;
    }

    Svg circle(double x, double y, double r, String fill, String tooltip) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", x, y, r,
                fill));
        if (tooltip != null) {
            sb.append("<title>").append(esc(tooltip)).append("</title>");
        }
        sb.append("</circle>");
        return this;
    }

    /** Text; anchor is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, int size, String fill) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" "
                + "fill=\"%s\">%s</text>", x, y, anchor, size, fill, esc(text)));
        return this;
    }

    Svg bold(double x, double y, String text, String anchor, int size) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" "
                + "font-weight=\"bold\">%s</text>", x, y, anchor, size, esc(text)));
        return this;
    }

    String end() {
        return sb.append("</svg>").toString();
    }

    /** Escapes text for HTML and SVG content and attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
