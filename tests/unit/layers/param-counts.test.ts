import { describe, expect, it } from "vitest";
import {
  LSTM,
  GRU,
  RNN,
  paramCount,
  convParamCount,
  denseParamCount,
  Dense,
  Conv2d,
  embeddingParamCount,
  recurrentParamCount,
  rnnParamCount,
  lstmParamCount,
  gruParamCount,
  multiHeadAttentionParamCount,
} from "../../../lib";

// Reference numbers: sum(p.numel() for p in module.parameters()) in PyTorch 2.x.
describe("parameter counts", () => {
  it("denseParamCount matches torch.nn.Linear and the engine's Dense layer", () => {
    expect(denseParamCount(784, 100)).toBe(78500);
    expect(denseParamCount(784, 100, false)).toBe(78400);
    expect(denseParamCount(12, 7)).toBe(paramCount(new Dense(12, 7)));
  });
  it("convParamCount agrees with the parameters the engine's Conv2d stores", () => {
    expect(convParamCount(3, 8, 5)).toBe(paramCount(new Conv2d(3, 8, 5)));
  });
  it("convParamCount matches torch.nn.Conv2d", () => {
    expect(convParamCount(3, 64, 3)).toBe(1792);
    expect(convParamCount(64, 128, 1, 1, false)).toBe(8192);
    expect(convParamCount(16, 32, 5, 3)).toBe(7712);
  });
  it("embeddingParamCount matches torch.nn.Embedding", () => {
    expect(embeddingParamCount(50257, 768)).toBe(38597376);
  });
  it("rnnParamCount, lstmParamCount and gruParamCount match torch.nn.RNN/LSTM/GRU (two biases)", () => {
    expect(rnnParamCount(10, 20)).toBe(640);
    expect(lstmParamCount(10, 20)).toBe(2560);
    expect(gruParamCount(10, 20)).toBe(1920);
    expect(lstmParamCount(128, 256)).toBe(395264);
  });
  it("rnnParamCount, lstmParamCount and gruParamCount agree with the engine's RNN, LSTM and GRU layers", () => {
    for (const [nx, nh] of [
      [1, 1],
      [3, 5],
      [10, 20],
      [7, 16],
    ]) {
      expect(lstmParamCount(nx, nh)).toBe(paramCount(new LSTM(nx, nh)));
      expect(gruParamCount(nx, nh)).toBe(paramCount(new GRU(nx, nh)));
      expect(rnnParamCount(nx, nh)).toBe(paramCount(new RNN(nx, nh)));
    }
  });
  it("recurrentParamCount with one bias vector drops n_h per block", () => {
    expect(lstmParamCount(10, 20, 1)).toBe(2560 - 80);
    expect(recurrentParamCount(10, 20, 3, 1)).toBe(1920 - 60);
  });
  it("multiHeadAttentionParamCount matches torch.nn.MultiheadAttention", () => {
    expect(multiHeadAttentionParamCount(512)).toBe(1050624);
    expect(multiHeadAttentionParamCount(8, false)).toBe(256);
  });
});
