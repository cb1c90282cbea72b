"""PDF copies of controlled documents: controlled (numbered, registered) and uncontrolled (watermarked).

The PDF is the page's own template rendered through a print shell (``shell/``) by WeasyPrint, which
shapes Persian through Pango/HarfBuzz, embeds Vazirmatn and repeats seed 000's header block on every
page as a running element. Import ``render_revision_pdf`` from ``procedures.pdf.render``.
"""
