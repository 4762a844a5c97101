// Common agenda questions of a general meeting of owners, as data: the title and proposal the console
// offers, and the decision rule each needs by ЖК РФ ст. 46 ч. 1 (with ст. 44 ч. 2 items as in
// ../docs/domain.md): the majority of the participants' votes unless the law asks for more; more than
// 50% of all votes for items 1.1, 4, 4.2, 4.7; at least 2/3 of all votes for items 1, 1.1-1, 1.2, 1.3,
// 2, 3, 3.1, 3.8, 4.3. A question taken from here may not be put to the vote under a weaker rule.

export type AgendaRule = 'participants_majority' | 'all_majority' | 'two_thirds_all';

export interface AgendaTemplate {
  key: string;
  title: string;
  /** The proposal as a draft the administrator completes (names, sums, dates). */
  proposal: string;
  rule: AgendaRule;
  /** Where the rule comes from, as shown to the administrator. */
  basis: string;
}

export const AGENDA_CATALOGUE = [
  {
    key: 'chair_secretary',
    title: 'Избрание председателя и секретаря общего собрания, наделение их полномочиями по подсчёту голосов',
    proposal: 'Избрать председателем собрания … , секретарём собрания … ',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'counting_commission',
    title: 'Избрание счётной комиссии',
    proposal: 'Избрать счётную комиссию в составе: … ',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'council',
    title: 'Избрание совета многоквартирного дома и председателя совета',
    proposal: 'Избрать совет дома в составе: … ; председателем совета избрать … ',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 161.1 ч. 1, ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'maintenance_fee',
    title: 'Утверждение размера платы за содержание жилого помещения',
    proposal: 'Утвердить размер платы за содержание жилого помещения … руб. за 1 м² в месяц с … ',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 156 ч. 7, ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'current_repair_plan',
    title: 'Утверждение плана текущего ремонта общего имущества',
    proposal: 'Утвердить план текущего ремонта на … год (приложение к сообщению о собрании)',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'notice_procedure',
    title: 'Порядок уведомления собственников о собраниях и об их итогах',
    proposal: 'Уведомлять собственников через ГИС ЖКХ и объявлением на информационных стендах в подъездах',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 45 ч. 4–5, ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'storage_place',
    title: 'Определение места хранения копий протокола и решений собственников',
    proposal: 'Хранить копии протокола и решений собственников в офисе управляющей организации',
    rule: 'participants_majority',
    basis: 'ЖК РФ ст. 46 ч. 1 — большинство голосов участников',
  },
  {
    key: 'management_method',
    title: 'Выбор способа управления многоквартирным домом',
    proposal: 'Выбрать способ управления — управление управляющей организацией',
    rule: 'all_majority',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 4, ст. 46 ч. 1 — более 50% голосов всех собственников',
  },
  {
    key: 'management_company',
    title: 'Выбор управляющей организации и утверждение условий договора управления',
    proposal: 'Выбрать управляющей организацией … ; утвердить условия договора управления (приложение)',
    rule: 'all_majority',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 4, ст. 162, ст. 46 ч. 1 — более 50% голосов всех собственников',
  },
  {
    key: 'capital_repair_fund',
    title: 'Выбор способа формирования фонда капитального ремонта',
    proposal: 'Формировать фонд капитального ремонта на специальном счёте; владелец счёта — … ',
    rule: 'all_majority',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 1.1, ст. 46 ч. 1 — более 50% голосов всех собственников',
  },
  {
    key: 'capital_repair',
    title: 'Проведение капитального ремонта общего имущества: перечень работ, смета, сроки, источник финансирования',
    proposal: 'Провести капитальный ремонт … в … году за счёт фонда капитального ремонта, предельная стоимость … руб.',
    rule: 'two_thirds_all',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 1.2, ст. 46 ч. 1 — не менее 2/3 голосов всех собственников',
  },
  {
    key: 'reconstruction',
    title: 'Реконструкция дома, строительство хозяйственных построек и других сооружений',
    proposal: 'Провести … по проекту (приложение к сообщению о собрании)',
    rule: 'two_thirds_all',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 1, ст. 46 ч. 1 — не менее 2/3 голосов всех собственников',
  },
  {
    key: 'land_plot',
    title: 'Пределы использования земельного участка (ограждение, шлагбаум, парковка)',
    proposal: 'Установить шлагбаум при въезде во двор за счёт … ',
    rule: 'two_thirds_all',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 2, ст. 46 ч. 1 — не менее 2/3 голосов всех собственников',
  },
  {
    key: 'common_property_use',
    title: 'Пользование общим имуществом иными лицами (аренда, реклама, оборудование связи)',
    proposal: 'Разрешить размещение … на … за плату … руб. в месяц, доход направить на … ',
    rule: 'two_thirds_all',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 3, ст. 46 ч. 1 — не менее 2/3 голосов всех собственников',
  },
  {
    key: 'common_property_contracts',
    title: 'Лицо, уполномоченное заключать договоры об использовании общего имущества',
    proposal: 'Уполномочить … заключать от имени собственников договоры об использовании общего имущества',
    rule: 'two_thirds_all',
    basis: 'ЖК РФ ст. 44 ч. 2 п. 3.1, ст. 46 ч. 1 — не менее 2/3 голосов всех собственников',
  },
] as const satisfies readonly AgendaTemplate[];

export type AgendaKey = (typeof AGENDA_CATALOGUE)[number]['key'];

/** Strength of the rules: a question may be voted under its rule or a stricter one, never a weaker one. */
export const RULE_STRENGTH: Record<AgendaRule, number> = {
  participants_majority: 0,
  all_majority: 1,
  two_thirds_all: 2,
};

export function agendaTemplate(key: string): AgendaTemplate | undefined {
  return AGENDA_CATALOGUE.find((t) => t.key === key);
}
