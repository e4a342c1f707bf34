// One array column slice of the packing-4 engine (dsp_packing.h): TK DSP48E2s, each multiplying two weight nibbles
// (A = w0 + w1·2^21) by two 6-bit activations of two tokens (B = x0 + x1·2^11); the four products sit in P fields
// [0,11) [11,21) [21,32) [32,45) and are recovered, then summed per (row, token) over the TK reduction elements.
//   SLICE = 0: recovery as dsp_packing.h writes it (subtract the sign-extended field from the 45-bit word, shift)
//   SLICE = 1: recovery as bit slices: each field plus the borrow from the field below, at the field's width
module pf4_column #(parameter TK = 24, parameter SLICE = 0, parameter SUM_BITS = 32) (
    input  wire                       clk,
    input  wire [TK*27-1:0]           a,   // packed weights (weight-stationary registers)
    input  wire [TK*18-1:0]           b,   // packed activations of two tokens
    output reg  signed [SUM_BITS-1:0] s0, s1, s2, s3
);
    wire signed [11*TK-1:0] f0, f1, f2, f3;
    genvar j;
    generate
        for (j = 0; j < TK; j = j + 1) begin : dsp
            wire signed [44:0] p = $signed(a[j*27 +: 27]) * $signed(b[j*18 +: 18]);
            if (SLICE == 0) begin : subtract
                wire signed [10:0] g0 = p[10:0];
                wire signed [44:0] r1 = (p - g0) >>> 11;
                wire signed [9:0]  g1 = r1[9:0];
                wire signed [44:0] r2 = (r1 - g1) >>> 10;
                wire signed [10:0] g2 = r2[10:0];
                wire signed [44:0] r3 = (r2 - g2) >>> 11;
                assign f0[j*11 +: 11] = g0;
                assign f1[j*11 +: 11] = g1;
                assign f2[j*11 +: 11] = g2;
                assign f3[j*11 +: 11] = r3[10:0];
            end else begin : slice
                // t_k = field k of P + the carry into it; the carry into the next field is t_k's carry out plus the
                // sign of field k (at most one of them is set).
                wire [10:0] t1 = p[20:11] + p[10];
                wire [11:0] t2 = p[31:21] + (t1[10] | t1[9]);
                wire [11:0] t3 = p[42:32] + (t2[11] | t2[10]);
                assign f0[j*11 +: 11] = p[10:0];
                assign f1[j*11 +: 11] = $signed(t1[9:0]);
                assign f2[j*11 +: 11] = t2[10:0];
                assign f3[j*11 +: 11] = t3[10:0];
            end
        end
    endgenerate

    wire signed [SUM_BITS*(TK+1)-1:0] c0, c1, c2, c3;
    assign c0[SUM_BITS-1:0] = 0;
    assign c1[SUM_BITS-1:0] = 0;
    assign c2[SUM_BITS-1:0] = 0;
    assign c3[SUM_BITS-1:0] = 0;
    generate
        for (j = 0; j < TK; j = j + 1) begin : reduce
            assign c0[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c0[SUM_BITS*j +: SUM_BITS]) + $signed(f0[j*11 +: 11]);
            assign c1[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c1[SUM_BITS*j +: SUM_BITS]) + $signed(f1[j*11 +: 11]);
            assign c2[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c2[SUM_BITS*j +: SUM_BITS]) + $signed(f2[j*11 +: 11]);
            assign c3[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c3[SUM_BITS*j +: SUM_BITS]) + $signed(f3[j*11 +: 11]);
        end
    endgenerate
    always @(posedge clk) begin
        s0 <= c0[SUM_BITS*TK +: SUM_BITS];
        s1 <= c1[SUM_BITS*TK +: SUM_BITS];
        s2 <= c2[SUM_BITS*TK +: SUM_BITS];
        s3 <= c3[SUM_BITS*TK +: SUM_BITS];
    end
endmodule
