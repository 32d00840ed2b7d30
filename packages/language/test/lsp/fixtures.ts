import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { createVplanServices } from '../../src/index.js';

/** Fresh language-server services without a client: settings come from `configure`. */
export async function createServices(settings?: Record<string, unknown>) {
    const services = createVplanServices(EmptyFileSystem);
    const config = services.shared.workspace.ConfigurationProvider;
    await config.initialized({});
    if (settings) config.updateConfiguration({ settings: { vplan: settings } });
    // Let the settings reader see that the configuration is ready.
    await new Promise(resolve => setTimeout(resolve, 0));
    return services;
}

export type Services = Awaited<ReturnType<typeof createServices>>;

/** Adds documents under the given file names and builds them together (one workspace). */
export async function workspace(services: Services, files: Record<string, string>): Promise<LangiumDocument[]> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString(text, URI.parse(`file:///ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

export async function reset(services: Services): Promise<void> {
    await clearDocuments(services.shared);
}

/** The municipality's shared file, in Swedish keywords. */
export const KOMMUN_SV = `organisation norsjo "Norsjö kommun" { kolada 2417 }
mål valfard "Välfärd och välbefinnande genom livet"
mål effektiv "Hållbar och effektiv organisation"
roll enhetschefSabo "Enhetschef särskilt boende"
roll handlaggare "Handläggare"
roll htj "Hemtjänstens chef"
källa kolada "Kolada"
jämförelsegrupp jamforbara "Jämförbara kommuner"
`;

/** The same catalogue in English keywords. */
export const KOMMUN_EN = `organization norsjo "Norsjö kommun" { kolada 2417 }
goal welfare "Welfare through life"
role unitManager "Unit manager"
role officer "Case officer"
source kolada "Kolada"
`;

export const PLAN_SV = `plan omsorg2026 "Verksamhetsplan Omsorg 2026" {
  organisation norsjo
  år 2026
  uppföljning T1, T2, helår
  enhet aldreomsorg "Äldreomsorgen" {
    indikator helhetssynSabo "Helhetssyn särskilt boende" {
      källa kolada kpi "U23471" publiceras v 24
      bidrar till valfard
      skala 0..100
      grön >= 82
      gul >= 74
      utfall 2024: 67
      utfall 2025: 62
      mäts årligen
      ansvarig enhetschefSabo
      rapporterar handlaggare
    }
  }
}
`;

export const PLAN_EN = `plan care2026 "Care plan 2026" {
  year 2026
  follow-up T1, T2, annual
  unit elderly "Elderly care" {
    indicator overall "Overall view" {
      source kolada kpi "U23471"
      contributes to welfare
      green >= 82
      yellow >= 74
      outcome 2024: 90
      outcome 2025: 85
      responsible unitManager
      reports officer
    }
  }
}
`;
