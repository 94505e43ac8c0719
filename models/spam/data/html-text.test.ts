import { describe, expect, it } from 'vitest'
import { decodeCharacterReferences, htmlToText } from './html-text'

describe('htmlToText', () => {
  it('keeps what a reader sees and drops markup, styles, scripts and comments', () => {
    const html =
      '<html><head><style>p { color: red }</style><script>alert("x")</script></head>' +
      '<body><!-- tracking --><P ALIGN=center>Save <b>70%</b></P><a href="http://x.biz">Click</a></body></html>'
    expect(htmlToText(html).replace(/\s+/g, ' ').trim()).toBe('Save 70% Click')
  })

  it('resolves named, decimal and hex character references, leaving unknown names alone', () => {
    expect(decodeCharacterReferences('Tom &amp; Jerry&nbsp;&#36;5 &#x20AC;3 &copy; &bogus; &#0;')).toBe(
      'Tom & Jerry $5 €3 © &bogus;  ',
    )
  })
})
