import { describe, expect, it } from 'vitest';
import { formatResume, parseResumeText } from './resume.js';

describe('简历 lines as towns type them', () => {
  it('reads the dash forms, 年月 forms, full-width spaces and open ends', () => {
    const cell = [
      '1990.09--1994.07 华南师范大学政治系学习',
      '1994.07-2003.05　顺德区杏坛镇水藤村村委会干事',
      '2003.05— 杏坛镇水藤村党支部书记',
      '2005年3月——2008年12月 杏坛镇水藤村村委会主任',
      '2009.1～2010.10 杏坛镇经济发展办借调',
      '２０１１．０３–２０１５．０６ 杏坛镇水藤村股份社理事长（兼）',
      '2021.03至今 水藤村党委书记、村委会主任',
      '2021.04-至今 水藤村股份社理事长',
    ].join('\n');
    const r = parseResumeText(cell);
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([
      { from: '1990.09', to: '1994.07', text: '华南师范大学政治系学习' },
      { from: '1994.07', to: '2003.05', text: '顺德区杏坛镇水藤村村委会干事' },
      { from: '2003.05', to: '', text: '杏坛镇水藤村党支部书记' },
      { from: '2005.03', to: '2008.12', text: '杏坛镇水藤村村委会主任' },
      { from: '2009.01', to: '2010.10', text: '杏坛镇经济发展办借调' },
      { from: '2011.03', to: '2015.06', text: '杏坛镇水藤村股份社理事长（兼）' },
      { from: '2021.03', to: '', text: '水藤村党委书记、村委会主任' },
      { from: '2021.04', to: '', text: '水藤村股份社理事长' },
    ]);
  });

  it('splits a 简历 pasted into one line at ； before a date, but not a ； inside an entry', () => {
    const r = parseResumeText('1990.09--1994.07 华南师范大学学习；1994.07--2003.05 水藤村干事（其间：1998.09—2001.07 在职学习；获评优秀）；2003.05-- 水藤村党支部书记');
    expect(r.issues).toEqual([]);
    expect(r.lines.map((l) => [l.from, l.to, l.text])).toEqual([
      ['1990.09', '1994.07', '华南师范大学学习'],
      ['1994.07', '2003.05', '水藤村干事（其间：1998.09—2001.07 在职学习；获评优秀）'],
      ['2003.05', '', '水藤村党支部书记'],
    ]);
  });

  it('keeps a line it cannot date as written and says which line and why', () => {
    const r = parseResumeText('1990.09--1994.07 华南师范大学学习\n曾在广州务工多年\n1994.13--2003.05 水藤村干事\n2003.05--1999.01 水藤村书记\n2021.03 水藤村主任\n2003.05—2005 水藤村文书');
    expect(r.lines).toEqual([
      { from: '1990.09', to: '1994.07', text: '华南师范大学学习' },
      { from: '', to: '', text: '曾在广州务工多年' },
      { from: '', to: '', text: '1994.13--2003.05 水藤村干事' },
      { from: '', to: '', text: '2003.05--1999.01 水藤村书记' },
      { from: '', to: '', text: '2021.03 水藤村主任' },
      { from: '', to: '', text: '2003.05—2005 水藤村文书' },
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      '简历第 2 行“曾在广州务工多年”没有“1990.09--1994.07”形式的起止年月，已原样保留为一行，请核对',
      '简历第 3 行“1994.13--2003.05 水藤村干事”的起始年月有误：月份 13 不存在（应为 1–12），已原样保留为一行，请核对',
      '简历第 4 行“2003.05--1999.01 水藤村书记”的起始年月 2003.05 晚于终止年月 1999.01，已原样保留为一行，请核对',
      '简历第 5 行“2021.03 水藤村主任”没有“1990.09--1994.07”形式的起止年月，已原样保留为一行，请核对',
      '简历第 6 行“2003.05—2005 水藤村文书”的终止年月只写了年份（应写成 2005.03 的形式），已原样保留为一行，请核对',
    ]);
  });

  it('joins an indented continuation to the entry above, as the LRMX editor wraps long entries', () => {
    const r = parseResumeText('2002.07--2010.01  水藤村委会干部，\r\n        负责集体经济\r\n2010.01--         水藤村党委书记');
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([
      { from: '2002.07', to: '2010.01', text: '水藤村委会干部，负责集体经济' },
      { from: '2010.01', to: '', text: '水藤村党委书记' },
    ]);
  });

  it('writes lines the parser reads back unchanged, text-only lines included', () => {
    const lines = [
      { from: '1990.09', to: '1994.07', text: '华南师范大学学习' },
      { from: '', to: '', text: '曾在广州务工多年' },
      { from: '2003.05', to: '', text: '水藤村党支部书记' },
    ];
    expect(formatResume(lines, '\n')).toBe('1990.09--1994.07  华南师范大学学习\n曾在广州务工多年\n2003.05--         水藤村党支部书记');
    expect(parseResumeText(formatResume(lines, '\n')).lines).toEqual(lines);
  });
});
