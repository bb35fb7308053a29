package org.mingzhang.reports.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * A QR code (error correction M, UTF-8) drawn as vector squares: ZXing computes the modules, each horizontal run of dark
 * modules becomes one filled rectangle (a few hundred short path operators rather than one per module), and a quiet
 * zone of four modules is left around it as the standard asks.
 */
final class QrCode {

    /** Refuses longer text: a verification code is a URL and a hash, and more would need modules too small to print. */
    static final int MAX_TEXT_CHARS = 500;
    static final int QUIET_ZONE_MODULES = 4;

    private QrCode() {
    }

    static ByteMatrix matrix(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("QR text must have 1 to " + MAX_TEXT_CHARS + " chars: " + text.length());
        }
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code: " + e.getMessage(), e);
        }
    }

    /** Draws the code with its quiet zone in a square of the given side whose lower-left corner is (x, y). */
    static void draw(Canvas canvas, ByteMatrix matrix, float x, float y, float sidePt) {
        int modules = matrix.getWidth();
        // A module a whole number of eighths of a point, the precision coordinates are written in, so that
        // neighbouring rows meet exactly and no hairline gap shows between them.
        float modulePt = (float) Math.floor(sidePt / (modules + 2 * QUIET_ZONE_MODULES) * 8) / 8f;
        float left = x + QUIET_ZONE_MODULES * modulePt;
        float top = y + sidePt - QUIET_ZONE_MODULES * modulePt;
        for (int row = 0; row < modules; row++) {
            int col = 0;
            while (col < modules) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < modules && matrix.get(col, row) == 1) {
                    col++;
                }
                canvas.rect(left + start * modulePt, top - (row + 1) * modulePt, (col - start) * modulePt, modulePt);
            }
        }
        canvas.fillPath(Canvas.BLACK);
    }
}
