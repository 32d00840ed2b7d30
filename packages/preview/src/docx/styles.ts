import { AlignmentType, HeadingLevel, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const LEVELS: Heading[] = [
    HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6
];

/** Word's heading style for a level (1 = the plan's top sections); deeper levels stay Heading 6. */
export function headingFor(level: number): Heading {
    return LEVELS[Math.max(1, Math.min(6, level))];
}

/** Calibri-like body, headings in the report's accent colour; A4 with 2 cm margins. */
export const STYLES: IStylesOptions = {
    default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: 'Calibri', size: 48, bold: true, color: '1D3D4F' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: 'Calibri', size: 32, bold: true, color: '1D3D4F' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: 'Calibri', size: 28, bold: true, color: '1D3D4F' }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
        heading3: { run: { font: 'Calibri', size: 24, bold: true, color: '1D3D4F' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading4: { run: { font: 'Calibri', size: 22, bold: true, color: '1D3D4F' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } },
        heading5: { run: { font: 'Calibri', size: 22, bold: true, italics: true }, paragraph: { keepNext: true } },
        heading6: { run: { font: 'Calibri', size: 22, italics: true }, paragraph: { keepNext: true } }
    },
    paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true, color: '555555' } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40, line: 240 } } },
        { id: 'Small', name: 'Small', basedOn: 'Normal', run: { size: 18, color: '555555' } }
    ]
};

export const NUMBERING: INumberingOptions = {
    config: [{
        reference: 'vplan-ordered',
        levels: [0, 1, 2, 3].map(level => ({
            level,
            format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
        }))
    }]
};

/** A4 in twentieths of a point, 2 cm margins. */
export const A4_PAGE = {
    size: { width: 11906, height: 16838 },
    margin: { top: 1134, right: 1134, bottom: 1134, left: 1134, header: 567, footer: 567 }
};
