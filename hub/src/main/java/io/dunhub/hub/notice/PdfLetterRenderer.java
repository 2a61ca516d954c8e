package io.dunhub.hub.notice;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Turns the XHTML of a letter (see {@link RenderedNotice#letterHtml()}) into a PDF with
 * openhtmltopdf. The PDF is the legal record of a final notice: stored with the notice and attached
 * to the host records.
 */
public final class PdfLetterRenderer {

  /**
   * @param title the PDF's title (document metadata)
   */
  public byte[] render(String xhtml, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException | RuntimeException e) {
      throw new TemplateException(
          "cannot render the letter '" + title + "' as PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
