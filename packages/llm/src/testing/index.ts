export { FakeLlmServer, type FakeWireFormat, type RecordedLlmRequest } from './fake-llm-server.ts';
export { fakeReply, FAKE_DEFAULT_USAGE, type FakeLlmReply, type FakeUsage } from './fake-llm-reply.ts';
