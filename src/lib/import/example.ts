/**
 * The example CSV set offered next to the empty templates: a real excerpt of the HER2 dataset
 * (KN026 in first-line HER2+ breast cancer), small enough to read in a spreadsheet.
 */
import { Dataset, type DatasetInput } from '../data/schema';
import { datasetToCsvFiles, type CsvFile } from './dataset-to-csv';

export const EXAMPLE_DATASET: DatasetInput = {
	meta: {
		id: 'example-kn026',
		title: 'Example: KN026 in first-line HER2+ breast cancer',
		target: 'HER2',
		asOf: '2026-09-23',
		version: '1.0.0',
		description:
			'A small excerpt of the HER2 landscape (one asset, program, trial, readout, milestone and deal), to show how the CSV files fit together.',
		synthetic: false
	},
	sources: [
		{
			id: 'sinodrugwatch-2025-09-kn026-nda',
			kind: 'news',
			title:
				'KN026 (anbenitamab) NDA Accepted by NMPA: First Domestic HER2 Bispecific in Gastric Cancer',
			publisher: 'SinoDrugWatch',
			date: '2025-09',
			url: 'https://www.sinodrugwatch.com/kn026-anbenitamab-nda-accepted-by-nmpa-first-domestic-her2-bispecific-in-gastric-cancer',
			doi: null,
			registryIds: ['NCT05427383'],
			note: 'Secondary news article covering events up to September 2025. Figures marked "~" are approximate; the article\'s own reference list is not independently verified and is not used for dates.'
		},
		{
			id: 'ma-2025-cancer-commun-kn026',
			kind: 'peer-reviewed',
			title:
				'Efficacy and safety of KN026 and docetaxel for HER2-positive breast cancer: a phase II clinical trial (Ma J, et al.)',
			publisher: 'Cancer Communications',
			date: '2025',
			url: 'https://doi.org/10.1002/cac2.12662',
			doi: '10.1002/cac2.12662',
			registryIds: ['NCT04165993', 'NCT05838066'],
			note: 'Data cut-off 15 September 2023. Also the source of the CLEOPATRA, PERUSE and PUFFIN benchmark figures it cites (its references 9-13, 17).'
		},
		{
			id: 'fierce-sanofi-alphamab',
			kind: 'news',
			title: 'Sanofi teams up with China biotech Alphamab for breast cancer R&D',
			publisher: 'FierceBiotech',
			date: null,
			url: 'https://www.fiercebiotech.com/biotech/sanofi-teams-up-china-biotech-alphamab-for-breast-cancer-r-d',
			doi: null,
			registryIds: [],
			note: 'Undated in the text; the collaboration it reports was announced 8 June 2020 (see k-alphamab-sanofi-pr-2020-06-08).'
		},
		{
			id: 'k-biopharmaapac-2025-09-15-nda',
			kind: 'news',
			title: "Alphamab Oncology's NDA for KN026 accepted by NMPA for HER2-positive gastric cancer",
			publisher: 'BioPharma APAC',
			date: '2025-09-15',
			url: 'https://biopharmaapac.com/news/33/6882/alphamab-oncologys-nda-for-kn026-accepted-by-nmpa-for-her2-positive-gastric-cancer.html',
			doi: null,
			registryIds: []
		},
		{
			id: 'k-kn026-neoadjuvant-abstract',
			kind: 'congress',
			title:
				'KN026 plus docetaxel as neoadjuvant treatment of HER2-positive early or locally advanced breast cancer (NCT04881929): congress abstract',
			publisher: null,
			date: null,
			url: null,
			doi: null,
			registryIds: ['NCT04881929'],
			note: 'Read via ResearcherLife (aggregator), so no URL; venue not identified in the excerpt.'
		},
		{
			id: 'k-alphamab-sanofi-pr-2020-06-08',
			kind: 'company',
			title:
				'Alphamab Oncology and Sanofi enter collaboration on KN026 in HER2-positive breast cancer (press release)',
			publisher: 'Alphamab Oncology / Sanofi',
			date: '2020-06-08',
			url: null,
			doi: null,
			registryIds: [],
			note: 'Press release dated JUN 8, 2020 (US; 1stOncology and RTTNews) and datelined "Suzhou, June 9, 2020" in a Chinese copy. Read via reprints, so no URL.'
		},
		{
			id: 'k-nct05838066-registry',
			kind: 'registry',
			title:
				'ClinicalTrials.gov record NCT05838066 (KN026 + HB1801 vs trastuzumab + pertuzumab + docetaxel)',
			publisher: 'ClinicalTrials.gov',
			date: null,
			url: null,
			doi: null,
			registryIds: ['NCT05838066'],
			note: 'Read via crick.ai (aggregator), so no URL.'
		}
	],
	assets: [
		{
			id: 'kn026',
			name: 'KN026 (anbenitamab)',
			shortName: 'KN026',
			aliases: ['anbenitamab', 'anbenitamab injection'],
			role: 'focus',
			target: {
				value: 'HER2',
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'sinodrugwatch-2025-09-kn026-nda',
						quote: 'a novel anti-HER2 bispecific antibody'
					}
				]
			},
			modality: {
				value: 'bispecific antibody',
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'sinodrugwatch-2025-09-kn026-nda',
						quote: 'a novel anti-HER2 bispecific antibody'
					}
				]
			},
			format: {
				value: 'Recombinant humanized bispecific antibody',
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'ma-2025-cancer-commun-kn026',
						quote:
							'KN026 is a recombinant humanized bispecific antibody capable of dual interaction with the HER2 protein at domains II and IV'
					}
				]
			},
			domains: {
				value: ['II', 'IV'],
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'sinodrugwatch-2025-09-kn026-nda',
						quote: 'binds to two non-overlapping epitopes of the HER2 receptor (domains II and IV)'
					},
					{
						id: 'ma-2025-cancer-commun-kn026',
						quote:
							'dual interaction with the HER2 protein at domains II and IV — sites recognized by pertuzumab and trastuzumab, respectively'
					},
					{
						id: 'k-kn026-neoadjuvant-abstract',
						quote:
							'targets the distinct extra-cellular domains II (Pertuzumab binding site) and IV (Trastuzumab binding site) of HER2'
					}
				]
			},
			biparatopic: {
				value: true,
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'sinodrugwatch-2025-09-kn026-nda',
						quote:
							'This biparatopic design enhances receptor clustering, internalization, and degradation'
					},
					{
						id: 'fierce-sanofi-alphamab',
						quote:
							'can simultaneously bind two non-overlapping epitopes of HER2 and lead to a dual HER2 signal blockade'
					}
				]
			},
			effector: {
				value: null,
				applicable: true,
				approximate: false,
				note: 'No source in the corpus describes KN026 Fc engineering or effector function.',
				sources: []
			},
			platform: {
				value: 'CRIB (Alphamab proprietary)',
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'sinodrugwatch-2025-09-kn026-nda',
						quote: 'KN026, discovered using Alphamab’s proprietary CRIB platform'
					}
				]
			},
			payload: {
				value: null,
				applicable: false,
				approximate: false,
				note: 'Unconjugated antibody: no payload, linker, DAR or conjugation.',
				sources: []
			},
			linker: {
				value: null,
				applicable: false,
				approximate: false,
				note: 'Unconjugated antibody: no payload, linker, DAR or conjugation.',
				sources: []
			},
			dar: {
				value: null,
				applicable: false,
				approximate: false,
				note: 'Unconjugated antibody: no payload, linker, DAR or conjugation.',
				sources: []
			},
			conjugation: {
				value: null,
				applicable: false,
				approximate: false,
				note: 'Unconjugated antibody: no payload, linker, DAR or conjugation.',
				sources: []
			},
			originator: {
				value:
					'Alphamab Oncology (Jiangsu Alphamab Biopharmaceuticals); co-developed with JMT-Bio (CSPC)',
				applicable: true,
				approximate: false,
				sources: [
					{
						id: 'sinodrugwatch-2025-09-kn026-nda',
						quote: 'KN026, discovered using Alphamab’s proprietary CRIB platform'
					},
					{
						id: 'k-biopharmaapac-2025-09-15-nda',
						quote:
							'independently developed by the Company and co-developed with JMT-Bio Technology Co., Ltd., a wholly-owned subsidiary of CSPC'
					}
				]
			},
			sources: [
				{
					id: 'sinodrugwatch-2025-09-kn026-nda',
					quote: 'KN026 (anbenitamab), a novel anti-HER2 bispecific antibody'
				},
				{
					id: 'k-biopharmaapac-2025-09-15-nda',
					quote:
						'anbenitamab injection (KN026), independently developed by the Company and co-developed with JMT-Bio Technology Co., Ltd., a wholly-owned subsidiary of CSPC'
				}
			]
		}
	],
	programs: [
		{
			id: 'kn026-breast-1l-china',
			asset: 'kn026',
			indication: 'Recurrent/metastatic breast cancer (first line)',
			indicationGroup: 'breast',
			line: '1L',
			biomarker: 'HER2+',
			region: 'China',
			regimen: 'KN026 + docetaxel (phase 2); KN026 + HB1801 (phase 3)',
			status: 'active',
			phases: [
				{
					phase: 'phase 2',
					start: '2019-12-30',
					knownBy: null,
					end: '2021-05-27',
					status: 'actual',
					note: 'NCT04165993. Start = first enrolment per the abstract (the Results section says January 13, 2020; see conflict). end = last enrolment; follow-up continued to the 15 Sep 2023 data cut-off.',
					sources: [
						{
							id: 'ma-2025-cancer-commun-kn026',
							quote:
								'enrolled patients with HER2-positive recurrent/metastatic breast cancer in 19 centers across China from December 30, 2019 to May 27, 2021'
						}
					]
				},
				{
					phase: 'phase 3',
					start: null,
					knownBy: '2025-09',
					end: null,
					status: 'actual',
					note: "NCT05838066. Described as planned in the 2025 Cancer Communications paper and as ongoing in the SinoDrugWatch article (September 2025); data expected 2026. The sources do not state the trial's region; the program is grouped under China because the phase 2 ran in China.",
					sources: [
						{
							id: 'ma-2025-cancer-commun-kn026',
							quote:
								'we are planning a more extensive, randomized, controlled phase III clinical trial (ClinicalTrials.gov, registration number: NCT05838066)'
						},
						{
							id: 'sinodrugwatch-2025-09-kn026-nda',
							quote:
								'Alongside ongoing Phase III trials in breast cancer (with data expected in 2026)'
						},
						{
							id: 'k-nct05838066-registry',
							quote:
								'phase Ш clinical study designed to compare the efficacy and safety of KN026 in combination with HB1801 to trastuzumab in combination with pertuzumab and docetaxel in the first-line treatment of subjects with HER2-positive recurrent or metastatic breast cancer'
						}
					]
				}
			],
			sources: [
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote:
						'KN026 plus docetaxel showed promising efficacy and a manageable safety profile in first-line treatment of HER2-positive recurrent/metastatic breast cancer.'
				}
			]
		}
	],
	milestones: [
		{
			id: 'kn026-breast-1l-ph2-enrolment-start',
			asset: 'kn026',
			program: 'kn026-breast-1l-china',
			trial: 'kn026-breast-1l-ph2',
			type: 'trial-start',
			designation: null,
			approvalKind: null,
			agency: null,
			region: 'China',
			date: '2019-12-30',
			dateEnd: null,
			status: 'actual',
			label: 'Phase II (1L HER2+ MBC) enrolment starts',
			description:
				'First enrolment in the single-arm phase II of KN026 + docetaxel (NCT04165993), per the abstract; the Results section gives January 13, 2020 (see conflict).',
			sources: [
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote: 'in 19 centers across China from December 30, 2019 to May 27, 2021'
				}
			]
		}
	],
	trials: [
		{
			id: 'kn026-breast-1l-ph2',
			name: 'KN026 + docetaxel phase II (1L HER2+ MBC)',
			title:
				'Efficacy and safety of KN026 and docetaxel for HER2-positive breast cancer: a phase II clinical trial',
			registryIds: ['NCT04165993'],
			assets: ['kn026'],
			programs: ['kn026-breast-1l-china'],
			phase: 'phase 2',
			design: 'single-arm',
			blinding: 'open-label',
			comparator: null,
			indication:
				'Recurrent/metastatic breast cancer, no prior systemic therapy for metastatic disease',
			line: '1L',
			biomarker: 'HER2+',
			region: 'China (19 centres)',
			sponsor: null,
			enrolment: {
				planned: null,
				actual: 57
			},
			start: '2019-12-30',
			end: null,
			status: 'active',
			primaryEndpoints: ['ORR (investigator, RECIST 1.1)', 'DOR'],
			note: 'KN026 30 mg/kg + docetaxel 75 mg/m2 q3w. Planned enrolment "50-60 subjects" (a range, so not recorded as a number). Enrolment 30 Dec 2019 (abstract) or 13 Jan 2020 (results) to 27 May 2021 (see conflict). Treatment ongoing in 22 patients at the 15 Sep 2023 cut-off.',
			sources: [
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote:
						'The current open-label, single-arm, multicenter phase II trial was conducted across 19 centers in China.'
				},
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote: 'A total of 57 patients were included.'
				},
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote:
						'The primary endpoints of this study were investigator-assessed ORR and duration of response (DOR) per RECIST 1.1 criteria.'
				},
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote: 'ClinicalTrials.gov Identifier: NCT04165993'
				}
			]
		}
	],
	readouts: [
		{
			id: 'kn026-mbc1l-ph2-orr',
			trial: 'kn026-breast-1l-ph2',
			asset: 'kn026',
			arm: 'KN026 + docetaxel',
			armRole: 'investigational',
			indication: 'Recurrent/metastatic breast cancer',
			indicationGroup: 'breast',
			line: '1L',
			biomarker: 'HER2+',
			population: 'Efficacy analysis set (n=55)',
			endpoint: 'ORR',
			landmarkMonths: null,
			assessment: 'investigator',
			value: 76.4,
			unit: '%',
			range: null,
			approximate: false,
			notReached: false,
			ci: {
				level: 0.95,
				low: 63.0,
				high: 86.8,
				method: 'Clopper-Pearson'
			},
			n: 55,
			responders: 42,
			events: null,
			comparatorArm: null,
			pValue: null,
			maturity: null,
			dataCut: '2023-09-15',
			presentedAt: {
				venue: 'Cancer Communications',
				date: '2025'
			},
			note: '3 CR + 39 PR; responses confirmed (the discussion calls it a "confirmed ORR"). Table 2 is headed "SS" but totals 55 (the efficacy set).',
			sources: [
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote:
						'In the efficacy analysis set of 55 patients, the ORR was 76.4% (95% confidence interval [CI], 63.0%-86.8%)'
				},
				{
					id: 'ma-2025-cancer-commun-kn026',
					quote: 'ORR, n (%; 95% CI)\t42 (76.4; 63.0-86.8)'
				}
			]
		}
	],
	deals: [
		{
			id: 'kn026-sanofi-collaboration-2020',
			asset: ['kn026'],
			kind: 'collaboration',
			licensor: 'Alphamab Oncology (Jiangsu Alphamab Biopharmaceuticals)',
			licensee: 'Sanofi (China) Investment Co., Ltd.',
			territory: null,
			scope:
				'Clinical studies of KN026 + Taxotere (docetaxel) in HER2-positive breast cancer; Sanofi exclusivity period to negotiate in-licensing of KN026 subject to clinical milestones',
			date: '2020-06-08',
			value: null,
			note: 'Financial terms not disclosed (value null). Announced 8 June 2020 (US press-release date); a Suzhou-datelined copy says 9 June 2020 (see conflict). The FierceBiotech report is undated.',
			sources: [
				{
					id: 'k-alphamab-sanofi-pr-2020-06-08',
					quote: 'signed an agreement with Sanofi (China) Investment Co., Ltd'
				},
				{
					id: 'k-alphamab-sanofi-pr-2020-06-08',
					quote:
						'Sanofi is granted an exclusivity period to negotiate the in-licensing of KN026 subject to the achievement of certain clinical milestones'
				},
				{
					id: 'fierce-sanofi-alphamab',
					quote: 'As part of the deal, financials of which were not disclosed'
				},
				{
					id: 'fierce-sanofi-alphamab',
					quote:
						'will work with Sanofi on studies for midstage med KN026 in combination with chemo agent Taxotere (docetaxel) in HER2-positive breast cancer'
				}
			]
		}
	],
	conflicts: []
};

/** The example as a CSV set (the same files an export produces). */
export function csvExample(): CsvFile[] {
	return datasetToCsvFiles(Dataset.parse(EXAMPLE_DATASET));
}
