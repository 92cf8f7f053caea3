import { describe, expect, it } from 'vitest';
import { AgentSessions } from '../../../../main/assist/agent-sessions';

const MARIE = { id: 'marie', name: 'Marie' };

function sessionsAt() {
  const clock = { now: 1_000_000 };
  const sessions = new AgentSessions(30, () => clock.now);
  return { sessions, minutes: (n: number) => { clock.now += n * 60_000; } };
}

describe('agent sessions', () => {
  it('finds an agent by the token of their login, with a fresh random token each time', () => {
    const { sessions } = sessionsAt();
    const first = sessions.open(MARIE);
    const second = sessions.open(MARIE);
    expect(first.token).not.toBe(second.token);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessions.find(first.token)?.agent).toEqual(MARIE);
    expect(sessions.find('forged')).toBeNull();
    expect(sessions.find(undefined)).toBeNull();
  });

  it('expires a session sessionMinutes after the login, whatever happens meanwhile', () => {
    const { sessions, minutes } = sessionsAt();
    const { token } = sessions.open(MARIE);
    minutes(29);
    expect(sessions.find(token)).not.toBeNull();
    minutes(1);
    expect(sessions.find(token)).toBeNull();
  });

  it('ends a session at logout, and only that one', () => {
    const { sessions } = sessionsAt();
    const a = sessions.open(MARIE);
    const b = sessions.open(MARIE);
    expect(sessions.close(a.token)?.agent).toEqual(MARIE);
    expect(sessions.find(a.token)).toBeNull();
    expect(sessions.find(b.token)).not.toBeNull();
    expect(sessions.close(a.token)).toBeNull();
  });
});
