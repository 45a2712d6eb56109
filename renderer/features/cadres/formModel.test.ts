import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../shared/rules/idCard.js';
import { blankForm, describePath, dropBlankRows, toInput, validateLocally } from './formModel';

const first17 = '44060619750312013';
const goodId = first17 + idCheckChar(first17);

describe('cadre form model', () => {
  it('fills empty 出生年月 and 性别 from a valid ID, upper-casing x', () => {
    const input = toInput({ ...blankForm(), name: '王建国', idNumber: goodId.toLowerCase() });
    expect(input).toMatchObject({ birth: '1975.03', sex: '男', idNumber: goodId });
    expect(validateLocally(input)).toEqual({});
  });

  it('keeps what the user entered so the schema can cross-check it', () => {
    const input = toInput({ ...blankForm(), name: '王建国', idNumber: goodId, birth: '1976.03', sex: '女' });
    expect(validateLocally(input)).toEqual({
      birth: '出生年月 1976.03 与身份证号码中的 1975.03 不一致',
      sex: '性别“女”与身份证号码（男）不一致',
    });
  });

  it('reports a bad ID together with the other errors (zod alone would skip it)', () => {
    const bad = first17 + (goodId[17] === '1' ? '2' : '1');
    const errors = validateLocally(toInput({ ...blankForm(), name: '', idNumber: bad }));
    expect(errors.name).toBe('姓名不能为空');
    expect(errors.idNumber).toContain('校验位错误');
    expect(errors.birth).toBe('出生年月不能为空（填写身份证号码后可自动带出）');
    expect(errors.sex).toBe('请选择性别（填写身份证号码后可自动带出）');
  });

  it('drops list rows left blank but keeps partly filled ones', () => {
    const v = dropBlankRows({
      ...blankForm(),
      resume: [{ from: '', to: '', text: ' ' }, { from: '1995.07', to: '', text: '' }],
      family: [{ relation: '', name: '', birth: '', politicalStatus: '', workUnit: '', idNumber: '' }, { relation: '妻子', name: '', birth: '', politicalStatus: '', workUnit: '', idNumber: '' }],
      relations: [{ kind: '配偶', name: '', idNumber: '', note: '' }],
    });
    expect(v.resume).toEqual([{ from: '1995.07', to: '', text: '' }]);
    expect(v.family.map((f) => f.relation)).toEqual(['妻子']);
    expect(v.relations).toEqual([]);
  });

  it('names nested fields by label and row', () => {
    expect(describePath('family.2.birth')).toBe('家庭成员及重要社会关系 第3行 出生年月');
    expect(describePath('fullTimeEducation.level')).toBe('全日制教育 学历');
    expect(describePath('idNumber')).toBe('身份证号码');
  });
});

describe('姓名 in the cadre form', () => {
  it('shows the Chinese reason on the 姓名 field and the 家庭成员 row before anything is sent', () => {
    const input = toInput({
      ...blankForm(), name: '=HYPERLINK("x")', idNumber: goodId,
      family: [{ relation: '妻子', name: '李<丽>', birth: '', politicalStatus: '', workUnit: '', idNumber: '' }],
    });
    const errors = validateLocally(input);
    expect(errors.name).toBe('姓名不能以“=”开头（像是 Excel 公式），请只填写姓名');
    expect(errors['family.0.name']).toBe('姓名不能含有尖括号“<”“>”，请只填写姓名');
    expect(describePath('family.0.name')).toBe('家庭成员及重要社会关系 第1行 姓名');
  });

  it('accepts a minority name with either dot', () => {
    expect(validateLocally(toInput({ ...blankForm(), name: '阿卜杜拉•艾尼', idNumber: goodId }))).toEqual({});
  });
});
