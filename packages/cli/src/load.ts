// Loads the inputs of a command into one batch workspace (parse, link, validate).
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createVplanCoreServices, type VplanCoreServices } from '@vplan/language';
import { loadWorkspace, type InputProblem, type LoadPhase } from '@vplan/language/node';
import type { Lang } from '@vplan/language/i18n';
import { expandInputs } from './inputs.js';

export interface LoadedPlans {
    documents: LangiumDocument[];
    problems: InputProblem[];
    services: VplanCoreServices;
}

export async function loadPlans(inputs: readonly string[], lang: Lang, options: { validation?: boolean } = {}): Promise<LoadedPlans> {
    // VPLAN_TIMING=1 prints where a run's time goes (the benchmarks read it).
    const timing = process.env.VPLAN_TIMING ? [`start ${performance.now().toFixed(0)} ms`] : undefined;
    const expanded = await expandInputs(inputs);
    const { shared, Vplan } = createVplanCoreServices(NodeFileSystem);
    Vplan.i18n.Locale.lang = lang;
    const { documents, problems } = await loadWorkspace({ shared, Vplan }, expanded.inputs, {
        ...options,
        // The CLI never answers find-references: the reference index would be built for nobody.
        referenceIndex: false,
        onPhase: timing && ((phase: LoadPhase, ms: number) => timing.push(`${phase} ${ms.toFixed(0)} ms`))
    });
    if (timing) process.stderr.write(`vplan timing: ${timing.join(' · ')}\n`);
    return { documents, problems: [...expanded.problems, ...problems], services: Vplan };
}
