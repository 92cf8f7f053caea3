import { createServer, type Socket } from 'node:net';

/** One message as the server received it: envelope, the AUTH PLAIN credentials if sent, and the DATA. */
export interface ReceivedMail {
  from: string;
  to: string[];
  auth: { user: string; password: string } | null;
  data: string;
}

/**
 * A tiny SMTP server on loopback that accepts every message and keeps it: enough of RFC 5321 for
 * nodemailer (EHLO, AUTH PLAIN, MAIL, RCPT, DATA with dot-stuffing, RSET, QUIT), no TLS offered.
 */
export async function startSmtpRecorder(): Promise<{ port: number; messages: ReceivedMail[]; close(): Promise<void> }> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = '';
    let mail: ReceivedMail = blank();
    let mode: 'command' | 'data' | 'auth' = 'command';
    let data: string[] = [];
    const say = (line: string) => socket.write(`${line}\r\n`);
    const plain = (base64: string) => {
      const [, user = '', password = ''] = Buffer.from(base64, 'base64').toString('utf8').split('\0');
      mail.auth = { user, password };
      mode = 'command';
      say('235 2.7.0 accepted');
    };
    const onLine = (line: string) => {
      if (mode === 'data') {
        if (line !== '.') return void data.push(line.startsWith('..') ? line.slice(1) : line);
        messages.push({ ...mail, data: data.join('\r\n') });
        mail = { ...blank(), auth: mail.auth };
        data = [];
        mode = 'command';
        return say('250 2.0.0 queued');
      }
      if (mode === 'auth') return plain(line);
      const [verb = '', ...rest] = line.split(' ');
      const argument = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO': return say('250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME');
        case 'HELO': return say('250 localhost');
        case 'AUTH':
          if (rest.length > 1) return plain(rest[1]!);
          mode = 'auth';
          return say('334 ');
        case 'MAIL': mail.from = /<(.*)>/.exec(argument)?.[1] ?? ''; return say('250 2.1.0 ok');
        case 'RCPT': mail.to.push(/<(.*)>/.exec(argument)?.[1] ?? ''); return say('250 2.1.5 ok');
        case 'DATA': mode = 'data'; return say('354 end with <CRLF>.<CRLF>');
        case 'RSET': mail = { ...blank(), auth: mail.auth }; return say('250 ok');
        case 'NOOP': return say('250 ok');
        case 'QUIT': say('221 bye'); return void socket.end();
        default: return say('502 5.5.2 not implemented');
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        onLine(line);
      }
    });
    say('220 localhost ESMTP test recorder');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    messages,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const blank = (): ReceivedMail => ({ from: '', to: [], auth: null, data: '' });
