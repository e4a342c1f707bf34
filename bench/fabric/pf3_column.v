// One array column slice of the packing-3 engine, as hls-templates' dsp_packing.h + gemm_engine.h compute it:
// TK DSP48E2s, each multiplying a packed word of three weight nibbles (A = w0 + w1·2^10 + w2·2^20) by one 6-bit
// activation, the three 10-bit products recovered from P, and each row's products summed over the TK reduction
// elements. Yosys maps the multiplies to DSP48E2s; what remains in LUTs is the fabric cost of the 3·TK units.
//   SLICE = 0: recovery as dsp_packing.h writes it, f = P[9:0]; rest = (rest - f) >>> 10 on the 45-bit word
//   SLICE = 1: recovery as bit slices: f1 = P[19:10] + P[9], f2 = P[29:20] + the borrows (10-bit adds only)
//   SUM_BITS:  width of the partial sums (32 as acc_t today; 10 + ceil(log2 TK) is the exact need)
module pf3_column #(parameter TK = 24, parameter SLICE = 0, parameter SUM_BITS = 32) (
    input  wire                       clk,
    input  wire [TK*27-1:0]           a,   // packed weights, one word per DSP (weight-stationary registers)
    input  wire [TK*6-1:0]            x,   // one 6-bit activation per reduction element
    output reg  signed [SUM_BITS-1:0] s0, s1, s2
);
    wire signed [10*TK-1:0] f0, f1, f2;
    genvar j;
    generate
        for (j = 0; j < TK; j = j + 1) begin : dsp
            // 27 × 6 bits: the product is 33 bits wide (sized here, so that no operand is widened to 45 bits first).
            wire signed [32:0] p = $signed(a[j*27 +: 27]) * $signed(x[j*6 +: 6]);
            if (SLICE == 0) begin : subtract
                wire signed [9:0]  g0 = p[9:0];
                wire signed [32:0] r1 = (p - g0) >>> 10;
                wire signed [9:0]  g1 = r1[9:0];
                wire signed [32:0] r2 = (r1 - g1) >>> 10;
                assign f0[j*10 +: 10] = g0;
                assign f1[j*10 +: 10] = g1;
                assign f2[j*10 +: 10] = r2[9:0];
            end else begin : slice
                wire [9:0] h1 = p[19:10] + p[9];
                wire       c1 = (p[19:10] == 10'h3FF) & p[9];
                assign f0[j*10 +: 10] = p[9:0];
                assign f1[j*10 +: 10] = h1;
                assign f2[j*10 +: 10] = p[29:20] + c1 + h1[9];
            end
        end
    endgenerate

    // The reduction over TK as a chain of adders at SUM_BITS (synthesis balances it into a tree); constant part
    // selects throughout, so no shifter is inferred.
    wire signed [SUM_BITS*(TK+1)-1:0] c0, c1, c2;
    assign c0[SUM_BITS-1:0] = 0;
    assign c1[SUM_BITS-1:0] = 0;
    assign c2[SUM_BITS-1:0] = 0;
    generate
        for (j = 0; j < TK; j = j + 1) begin : reduce
            assign c0[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c0[SUM_BITS*j +: SUM_BITS]) + $signed(f0[j*10 +: 10]);
            assign c1[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c1[SUM_BITS*j +: SUM_BITS]) + $signed(f1[j*10 +: 10]);
            assign c2[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c2[SUM_BITS*j +: SUM_BITS]) + $signed(f2[j*10 +: 10]);
        end
    endgenerate
    wire signed [SUM_BITS-1:0] sum0 = c0[SUM_BITS*TK +: SUM_BITS];
    wire signed [SUM_BITS-1:0] sum1 = c1[SUM_BITS*TK +: SUM_BITS];
    wire signed [SUM_BITS-1:0] sum2 = c2[SUM_BITS*TK +: SUM_BITS];
    always @(posedge clk) begin
        s0 <= sum0; s1 <= sum1; s2 <= sum2;
    end
endmodule
