// Loads the inputs of a command into one batch workspace (parse, link, validate).
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createVplanCoreServices, type VplanCoreServices } from '@vplan/language';
import { loadWorkspace, type InputProblem } from '@vplan/language/node';
import type { Lang } from '@vplan/language/i18n';
import { expandInputs } from './inputs.js';

export interface LoadedPlans {
    documents: LangiumDocument[];
    problems: InputProblem[];
    services: VplanCoreServices;
}

export async function loadPlans(inputs: readonly string[], lang: Lang, options: { validation?: boolean } = {}): Promise<LoadedPlans> {
    const expanded = await expandInputs(inputs);
    const { shared, Vplan } = createVplanCoreServices(NodeFileSystem);
    Vplan.i18n.Locale.lang = lang;
    const { documents, problems } = await loadWorkspace({ shared, Vplan }, expanded.inputs, options);
    return { documents, problems: [...expanded.problems, ...problems], services: Vplan };
}
