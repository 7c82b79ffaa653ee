/** The serving endpoint's refusals, as the publish dialog shows them: English unchanged, Chinese by status. */
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { errorFromResponse, unreachable } from '../../publish/errors';
import { endpointErrorText } from './endpoint-text';

const refusals = () => [
  errorFromResponse(401, '{"error":"missing token"}', null, 'Publishing'),
  errorFromResponse(403, '{"error":"read-only token"}', null, 'Publishing'),
  errorFromResponse(413, '{"error":"weights exceed the limit of 268435456 bytes"}', null, 'Publishing'),
  errorFromResponse(429, '{"error":"too many requests per minute"}', '30', 'Publishing'),
  errorFromResponse(503, '{"error":"registry unavailable"}', null, 'Publishing'),
  unreachable('http://127.0.0.1:9', 'Publishing'),
];

describe('endpoint errors in the UI language', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('shows the English sentence of src/publish unchanged', async () => {
    await i18n.changeLanguage('en');
    for (const e of refusals()) expect(endpointErrorText(e)).toBe(e.message);
  });

  it('says each known refusal in Chinese, with its status, wait and the reassurance', async () => {
    await i18n.changeLanguage('zh-CN');
    const [auth, forbidden, large, busy, down, gone] = refusals().map(endpointErrorText);
    const kept = '你的权重仍保存在此浏览器中，没有丢失。';
    expect(auth).toBe(`被拒绝：令牌缺失或无效 (401)。请输入端点的令牌后重试。${kept}`);
    expect(forbidden).toContain('(403)');
    expect(large).toContain('模型太大，无法发布 (413)');
    expect(busy).toBe(`服务端点繁忙 (429)。请在 30 秒后重试。${kept}`);
    expect(down).toBe(`服务端点出错 (503)。请稍后重试。${kept}`);
    expect(gone).toBe(
      `无法连接位于 http://127.0.0.1:9 的服务端点。请确认服务器正在运行（npm start）且地址正确，然后重试。${kept}`,
    );
    expect(endpointErrorText(new Error('Something else.'))).toBe('Something else.');
  });
});
