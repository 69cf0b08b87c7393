package org.radmd.scrapers.medpix;

import org.radmd.core.Licence;

/** The terms recorded on every MPx sample (from shared/corpus/PROVENANCE.md, "medpix/"). */
final class MedPixLicence {
  static final Licence LICENCE = new Licence("MedPix-NLM", "https://www.nlm.nih.gov/web_policies.html",
      "MedPix 2.0 (CHILab1/MedPix-2.0) has no licence file; its content derives from NLM MedPix "
          + "(medpix.nlm.nih.gov). NLM notice: NLM government information is in the public domain, but images "
          + "contributed to MedPix may be protected by their contributors' copyright (images carry a MedPix "
          + "watermark and contributor credit). Use for research and education with attribution; cite MedPix 2.0 "
          + "(Siragusa et al., Data Science and Engineering 2025, doi:10.1007/s41019-025-00297-8).",
      "MedPix 2.0 (Siragusa et al., 2025), from NLM MedPix");

  private MedPixLicence() {}
}
